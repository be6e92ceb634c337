// One login route per framework, each protected the way its README section shows. Every app answers
// { ok, username, reason, userIp } when the captcha passed; the guard answers everything else.
import { createServer } from 'node:http';
import express from 'express';
import Koa from 'koa';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { aidEncryptedResponse, captchaRefusal } from 't-captcha/server';
import * as forExpress from 't-captcha/server/express';
import * as forKoa from 't-captcha/server/koa';
import * as forFastify from 't-captcha/server/fastify';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
const welcome = (captcha, username) => ({ ok: true, username, reason: captcha.reason, userIp: captcha.userIp });

/** Express 5, with its own body parsers in front (the guard reads req.body). */
export async function startExpress({ verifier, aid }) {
  const app = express();
  app.use(express.urlencoded({ extended: false }), express.json());
  app.get('/captcha/aid', forExpress.aidEncryptedHandler(aid));
  app.post('/login', forExpress.requireCaptcha(verifier), (req, res) => res.json(welcome(req.captcha, req.body.username)));
  // The body parsers' own refusals (broken JSON, too large) as small JSON answers, not HTML with a stack.
  app.use((error, _req, res, _next) => res.status(error.status >= 400 && error.status < 500 ? error.status : 500).json({ error: error.type ?? 'error' }));
  return listen(createServer(app));
}

/** Koa 3 without a body parser: the guard reads the stream and leaves the fields in ctx.request.body. */
export async function startKoa({ verifier, aid }) {
  const app = new Koa();
  const guard = forKoa.requireCaptcha(verifier);
  const aidHandler = forKoa.aidEncryptedHandler(aid);
  app.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/captcha/aid') return aidHandler(ctx);
    if (ctx.method === 'POST' && ctx.path === '/login') {
      return guard(ctx, async () => {
        ctx.body = welcome(ctx.state.captcha, ctx.request.body.username);
      });
    }
    return next();
  });
  return listen(createServer(app.callback()));
}

/** Fastify 5 with @fastify/formbody; the guard is the route's preHandler. */
export async function startFastify({ verifier, aid }) {
  const app = Fastify();
  await app.register(formbody);
  app.decorateRequest('captcha', null);
  app.get('/captcha/aid', forFastify.aidEncryptedHandler(aid));
  app.post('/login', { preHandler: forFastify.requireCaptcha(verifier) }, async (request) => welcome(request.captcha, request.body.username));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server;
}

/** Hono on Node (@hono/node-server): fetch-style, so the three-line guard around fromRequest. */
export async function startHono({ verifier, aid }) {
  const app = new Hono();
  app.get('/captcha/aid', () => aidEncryptedResponse(aid));
  app.post('/login', async (c) => {
    const captcha = await verifier.fromRequest(c.req.raw, { remoteAddress: getConnInfo(c).remote.address });
    if (!captcha.passed) return captchaRefusal(captcha);
    // fromRequest read a clone: the body is still there for the handler.
    const form = (c.req.header('content-type') ?? '').includes('json') ? await c.req.json() : await c.req.parseBody();
    return c.json(welcome(captcha, form.username));
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}

export const APPS = { express: startExpress, koa: startKoa, fastify: startFastify, hono: startHono };
