import { randomInt } from 'node:crypto';
import { hmacHex } from '../crypto/tokens.ts';

/** Crockford's base32: no I, L, O, U, so codes survive being read aloud or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BACKUP_CODE_COUNT = 10;

/** Ten codes of 10 characters (50 bits each), shown as `XXXXX-XXXXX`. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter; letters people confuse with digits are read as the digits. */
export function normalizeBackupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isBackupCodeShaped(code: string): boolean {
  const normalized = normalizeBackupCode(code);
  return normalized.length === 10 && [...normalized].every((char) => ALPHABET.includes(char));
}

/** Stored form: HMAC-SHA-256 under a key derived from ACTIONS_ENCRYPTION_KEY. */
export function hashBackupCode(key: Buffer, code: string): string {
  return hmacHex(key, normalizeBackupCode(code));
}
