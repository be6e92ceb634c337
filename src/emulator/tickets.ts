import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TicketClaims {
  /** Unique id, so that a ticket is accepted once. */
  id: string;
  appId: string;
  userIp: string;
  randstr: string;
  /** Expiry, Unix milliseconds. */
  expires: number;
}

const PREFIX = 't03';

/** Tickets the emulator issues: claims signed with the emulator's own key. */
export function createTicketSigner(key: Buffer = randomBytes(32)) {
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(claims: TicketClaims): string {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${PREFIX}${payload}.${mac(payload)}`;
    },
    /** The claims of a ticket this emulator signed, or undefined for anything else. */
    read(ticket: string): TicketClaims | undefined {
      if (!ticket.startsWith(PREFIX)) return undefined;
      const [payload, signature] = ticket.slice(PREFIX.length).split('.');
      if (!payload || !signature) return undefined;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TicketClaims;
      } catch {
        return undefined;
      }
    },
  };
}

export function randomRandstr(): string {
  return `@${randomBytes(6).toString('base64url')}`;
}
