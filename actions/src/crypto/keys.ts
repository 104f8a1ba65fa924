import { hkdfSync } from 'node:crypto';

/**
 * One master key from the environment (ACTIONS_ENCRYPTION_KEY) and separate subkeys derived from it
 * per use, so a key used for one purpose is never used for another.
 */
export type KeyPurpose = 'aes-256-gcm' | 'mfa-ticket' | 'backup-codes';

export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `portal-actions/${purpose}/v1`, 32));
}
