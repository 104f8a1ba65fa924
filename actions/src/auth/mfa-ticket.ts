import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { deriveKey } from '../crypto/keys.ts';

const AUDIENCE = 'portal-actions/mfa-ticket';

/** What a ticket proves: this user passed the password step at `iat`, with the password of `pwd`. */
export interface MfaTicketClaims {
  userId: string;
  tenantId: string;
  /** Single use: the ticket's id is recorded when it completes a sign-in. */
  ticketId: string;
  /** `password_changed_at` in ms; a password change in between voids the ticket. */
  passwordStamp: number;
}

const claimsSchema = z.object({ sub: z.uuid(), tid: z.uuid(), jti: z.uuid(), pwd: z.number().int() });

/**
 * Short-lived proof that the first sign-in step succeeded, handed to the client between the
 * password and the second factor. Signed with a key derived from ACTIONS_ENCRYPTION_KEY that no
 * other token uses, with its own audience, so it can never pass as an access token.
 */
export class MfaTickets {
  readonly #key: Buffer;
  readonly #lifetimeSeconds: number;

  constructor(masterKey: Buffer, lifetimeSeconds: number) {
    this.#key = deriveKey(masterKey, 'mfa-ticket');
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  issue(claims: Omit<MfaTicketClaims, 'ticketId'>, now: Date): { ticket: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.#lifetimeSeconds;
    const payload = { sub: claims.userId, tid: claims.tenantId, jti: randomUUID(), pwd: claims.passwordStamp, iat, exp, aud: AUDIENCE };
    return { ticket: jwt.sign(payload, this.#key, { algorithm: 'HS256' }), expiresAt: new Date(exp * 1000) };
  }

  /** The ticket's claims, or null when it is forged, expired or not a ticket. */
  read(ticket: string, now: Date): MfaTicketClaims | null {
    try {
      const payload = jwt.verify(ticket, this.#key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      const parsed = claimsSchema.safeParse(payload);
      if (!parsed.success) return null;
      return { userId: parsed.data.sub, tenantId: parsed.data.tid, ticketId: parsed.data.jti, passwordStamp: parsed.data.pwd };
    } catch {
      return null;
    }
  }
}
