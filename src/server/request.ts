import type { IncomingMessage } from 'node:http';

/** Why a request could not be read; `status` is what to answer. */
export class CaptchaRequestError extends Error {
  readonly status: 400 | 408 | 413 | 415;
  readonly reason: 'bad-request' | 'body-timeout' | 'body-too-large' | 'unsupported-media-type';
  constructor(status: CaptchaRequestError['status'], message: string) {
    super(message);
    this.name = 'CaptchaRequestError';
    this.status = status;
    this.reason = ({ 400: 'bad-request', 408: 'body-timeout', 413: 'body-too-large', 415: 'unsupported-media-type' } as const)[status];
  }
}

export interface BodyLimits {
  /** Default 65,536 bytes: a login form is far smaller. */
  maxBodyBytes: number;
  /** Default 10,000 ms for the whole body. */
  bodyTimeoutMs: number;
}

/** A parsed body: the form's fields (the last of repeated names), or the JSON value. */
export type ParsedBody = Record<string, unknown>;

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/;

function mediaType(contentType: string | null | undefined): string {
  if (!contentType) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

/** The chunks of a body, at most `limit` bytes and within `timeoutMs`, or a CaptchaRequestError. */
async function collect(chunks: AsyncIterable<Uint8Array>, { maxBodyBytes, bodyTimeoutMs }: BodyLimits, stop: () => void): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptchaRequestError(408, `the body did not arrive within ${bodyTimeoutMs} ms`)), bodyTimeoutMs);
  });
  const read = (async () => {
    for await (const chunk of chunks) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += bytes.byteLength;
      if (size > maxBodyBytes) throw new CaptchaRequestError(413, `the body is larger than ${maxBodyBytes} bytes`);
      parts.push(bytes);
    }
    return Buffer.concat(parts);
  })();
  try {
    return await Promise.race([read, timeout]);
  } catch (error) {
    stop();
    read.catch(() => undefined);
    if (error instanceof CaptchaRequestError) throw error;
    throw new CaptchaRequestError(400, 'the body could not be read');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads in flight and their deadlines, checked by one shared timer (a timer per request costs more than
 * the rest of the read under load); it runs only while a read is pending, and never keeps Node alive.
 */
const pending = new Set<{ deadline: number; expire(): void }>();
let sweeper: NodeJS.Timeout | undefined;
const SWEEP_MS = 50;
function watch(entry: { deadline: number; expire(): void }): void {
  pending.add(entry);
  sweeper ??= setInterval(() => {
    const now = Date.now();
    for (const read of pending) if (read.deadline <= now) read.expire();
    if (pending.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, SWEEP_MS).unref();
}

/** `collect` for a Node stream, on its events (its async iterator costs more per request than the rest of the read). */
function collectNode(request: IncomingMessage, { maxBodyBytes, bodyTimeoutMs }: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    // An error is made only for a read that fails: its stack costs more than the whole read.
    const fail = (status: CaptchaRequestError['status'], message: string) => settled || finish(new CaptchaRequestError(status, message));
    const entry = { deadline: Date.now() + bodyTimeoutMs, expire: () => fail(408, `the body did not arrive within ${bodyTimeoutMs} ms`) };
    // The listeners stay (a settled read ignores them): removing four per request costs more than they do.
    const finish = (error: CaptchaRequestError | undefined) => {
      if (settled) return;
      settled = true;
      pending.delete(entry);
      if (!error) return resolve(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
      // What is left of the body is not read: the guard answers and the connection closes.
      request.pause();
      parts.length = 0;
      reject(error);
    };
    watch(entry);
    request.on('data', (chunk: Buffer | string) => {
      if (settled) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.byteLength;
      if (size > maxBodyBytes) return fail(413, `the body is larger than ${maxBodyBytes} bytes`);
      parts.push(bytes);
    });
    request.on('end', () => finish(undefined));
    request.on('error', () => fail(400, 'the body could not be read'));
    request.on('close', () => fail(400, 'the client went away before the body ended'));
  });
}

/** Form fields as an object of strings (files dropped; the last of repeated names wins). */
function fieldsOf(form: Iterable<[string, unknown]>): ParsedBody {
  const fields: ParsedBody = Object.create(null);
  for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** A body's bytes as fields, by its media type; multipart through the platform's own parser. */
async function parse(bytes: Buffer, contentType: string): Promise<ParsedBody> {
  const type = mediaType(contentType);
  if (type === FORM) return fieldsOf(new URLSearchParams(bytes.toString('utf8')));
  if (JSON_TYPE.test(type)) {
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new CaptchaRequestError(400, 'the body is not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CaptchaRequestError(400, 'the JSON body is not an object');
    return value as ParsedBody;
  }
  if (type === MULTIPART) {
    try {
      return fieldsOf(await new Response(bytes, { headers: { 'content-type': contentType } }).formData());
    } catch {
      throw new CaptchaRequestError(400, 'the multipart body could not be read');
    }
  }
  throw new CaptchaRequestError(415, `a ${type || 'body without a Content-Type'} is not a form or JSON`);
}

function checkLength(declared: string | null | undefined, limits: BodyLimits): void {
  if (declared && /^\d+$/.test(declared) && Number(declared) > limits.maxBodyBytes) {
    throw new CaptchaRequestError(413, `the body is larger than ${limits.maxBodyBytes} bytes`);
  }
}

/** The body of a web `Request`, read from a clone: the handler can still read the original. */
export async function readWebBody(request: Request, limits: BodyLimits): Promise<ParsedBody> {
  const contentType = request.headers.get('content-type') ?? '';
  checkLength(request.headers.get('content-length'), limits);
  if (!request.body) return parse(Buffer.alloc(0), contentType || FORM);
  if (request.bodyUsed) throw new CaptchaRequestError(400, 'the request body was already read: pass fromRequest the request before reading it');
  const stream = request.clone().body!;
  const reader = stream.getReader();
  const chunks = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
  return parse(await collect(chunks, limits, () => void reader.cancel().catch(() => undefined)), contentType);
}

/** What Node frameworks leave on their request once they parsed the body. */
export type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * The body of a Node request: the one a framework already parsed (`body`: an object, a string or a
 * Buffer), or the stream, read here.
 */
export async function readNodeBody(request: NodeRequest, parsed: unknown, limits: BodyLimits): Promise<ParsedBody> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (parsed !== undefined && parsed !== null) {
    if (typeof parsed === 'string') return parse(Buffer.from(parsed), contentType);
    if (Buffer.isBuffer(parsed)) return parse(parsed, contentType);
    if (typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ParsedBody;
    throw new CaptchaRequestError(400, 'the parsed body is not an object');
  }
  checkLength(request.headers['content-length'], limits);
  if (request.readableEnded) {
    throw new CaptchaRequestError(400, 'the request body was already read, and no parsed body was given');
  }
  const bytes = await collectNode(request, limits);
  if (bytes.byteLength === 0 && !contentType) return Object.create(null);
  return parse(bytes, contentType);
}
