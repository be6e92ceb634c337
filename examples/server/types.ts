// The server entry's typings against the frameworks' own (skipLibCheck: false): what a TypeScript site
// writes compiles, and the mistakes below do not.
import express, { type Request as ExpressRequest } from 'express';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { captchaRefusal, createCaptchaVerifier, createRedisReplayStore, type RequestVerification, type Verification } from 't-captcha/server';
import * as forExpress from 't-captcha/server/express';
import * as forKoa from 't-captcha/server/koa';
import * as forFastify from 't-captcha/server/fastify';

const nodeRedis = createClient({ url: 'redis://127.0.0.1:6379' });
const verifier = createCaptchaVerifier({
  current: { secretId: 'id', secretKey: 'key', captchaAppId: 190000000, appSecretKey: 'app-key' },
  legacy: { secretId: 'id', secretKey: 'key' },
  trustProxy: ['10.0.0.0/8', 'loopback'],
  onOutage: ({ api, cause }) => api === 'current' && cause === 'timeout',
  replayStore: createRedisReplayStore(nodeRedis),
});
createRedisReplayStore(new Redis());

const app = express();
app.post('/login', forExpress.requireCaptcha(verifier), (req: ExpressRequest & { captcha?: RequestVerification }, res) => {
  res.json({ reason: req.captcha?.reason });
});
app.get('/captcha/aid', forExpress.aidEncryptedHandler({ captchaAppId: 190000000, appSecretKey: 'app-key' }));

// Koa: @types/koa 3.0.3 does not compile with skipLibCheck: false on its own today (it names an
// Options type that content-disposition 1.x no longer has), so Koa's guard is checked by its shape.
const koaGuard: (ctx: forKoa.KoaContext, next: () => Promise<unknown>) => Promise<void> = forKoa.requireCaptcha(verifier);
void koaGuard;

const fastify = Fastify();
fastify.decorateRequest('captcha', null);
fastify.post('/login', { preHandler: forFastify.requireCaptcha(verifier) }, async () => ({ ok: true }));
fastify.get('/captcha/aid', forFastify.aidEncryptedHandler({ captchaAppId: 190000000, appSecretKey: 'app-key' }));

export async function POST(request: Request): Promise<Response> {
  const captcha = await verifier.fromRequest(request, { remoteAddress: '203.0.113.1' });
  if (!captcha.passed) return captchaRefusal(captcha);
  const checked: Verification['reason'] = captcha.reason;
  return Response.json({ checked });
}

// @ts-expect-error: trustProxy is false, a number or a list of addresses, not a string.
createCaptchaVerifier({ legacy: { secretId: 'id', secretKey: 'key' }, trustProxy: '10.0.0.0/8' });
// @ts-expect-error: onOutage is 'reject', 'accept' or a function.
createCaptchaVerifier({ legacy: { secretId: 'id', secretKey: 'key' }, onOutage: 'ignore' });
// @ts-expect-error: the current API needs the app's AppSecretKey.
createCaptchaVerifier({ current: { secretId: 'id', secretKey: 'key', captchaAppId: 1 } });
// @ts-expect-error: a replay store remembers; a Map does not.
createCaptchaVerifier({ legacy: { secretId: 'id', secretKey: 'key' }, replayStore: new Map() });
