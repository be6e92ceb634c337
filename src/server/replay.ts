import { createHash } from 'node:crypto';

/**
 * Where a site remembers the disaster-recovery tickets it accepted, so that each passes once across
 * all of its servers. `remember` resolves `true` the first time it sees a key (and keeps it for
 * `ttlSeconds`), `false` after that; it rejects when it cannot tell (the store is down).
 */
export interface ReplayStore {
  remember(key: string, ttlSeconds: number): Promise<boolean> | boolean;
}

/** The key a ticket is remembered under: a hash, so that no store holds a usable ticket. */
export function replayKey(ticket: string): string {
  return createHash('sha256').update(ticket, 'utf8').digest('base64url');
}

/**
 * One process's memory: right for a single server, wrong for several (each would accept the ticket
 * once). Bounded: past `maxEntries` live keys it refuses to remember more (and so fails closed, as
 * `onOutage` decides) rather than grow or forget a live key early.
 */
export function createMemoryReplayStore({ maxEntries = 100_000 }: { maxEntries?: number } = {}): ReplayStore {
  const expiries = new Map<string, number>();
  let nextSweep = 0;
  return {
    remember(key, ttlSeconds) {
      const now = Date.now();
      if (now >= nextSweep || expiries.size >= maxEntries) {
        for (const [stored, expiry] of expiries) if (expiry <= now) expiries.delete(stored);
        nextSweep = now + 1_000;
      }
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > now) return false;
      if (expiries.size >= maxEntries) throw new Error(`the in-memory replay store holds ${maxEntries} live tickets`);
      expiries.set(key, now + ttlSeconds * 1000);
      return true;
    },
  };
}

/** The two Redis clients on npm: ioredis (its `call`) and node-redis, `redis` (its `sendCommand`). */
export type RedisLikeClient = { call(command: string, ...args: string[]): Promise<unknown> } | { sendCommand(args: string[]): Promise<unknown> };

/**
 * A replay store on Redis, shared by every server of a site: `SET <prefix><key> 1 NX EX <ttl>`, one
 * atomic command, so that of any number of concurrent attempts exactly one is first. Give it a
 * connected client of `redis` (node-redis, v4 and later) or `ioredis`. A failed command (Redis down,
 * timed out) rejects, and the verifier follows `onOutage`.
 */
export function createRedisReplayStore(client: RedisLikeClient, { prefix = 't-captcha:fallback:', timeoutMs = 1_000 }: { prefix?: string; timeoutMs?: number } = {}): ReplayStore {
  // ioredis has a sendCommand too, of its own Command objects: its call() comes first.
  const raw = client as { call?: (command: string, ...args: string[]) => Promise<unknown>; sendCommand?: (args: string[]) => Promise<unknown> } | undefined;
  const send =
    typeof raw?.call === 'function'
      ? ([command, ...args]: string[]) => raw.call!(command, ...args)
      : typeof raw?.sendCommand === 'function'
        ? (args: string[]) => raw.sendCommand!(args)
        : undefined;
  if (!send) throw new TypeError('createRedisReplayStore needs a connected client of redis (node-redis) or ioredis.');
  return {
    async remember(key, ttlSeconds) {
      const seconds = String(Math.max(1, Math.ceil(ttlSeconds)));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const answer = await Promise.race([send(['SET', `${prefix}${key}`, '1', 'NX', 'EX', seconds]), deadline]);
        if (answer === 'OK') return true;
        if (answer === null) return false;
        throw new Error(`Redis answered SET NX with ${String(answer)}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
