import { isCommonPassword } from './common-passwords.ts';

/** ASVS 5.0 V6.2: at least 8 characters, at least 64 allowed (we allow 128), no composition rules. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type WeakPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTEXT' | 'BREACHED';

export const WEAK_PASSWORD_MESSAGES: Record<WeakPasswordReason, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  COMMON: 'This password is too common. Choose one that is harder to guess, such as a few unrelated words.',
  CONTEXT: 'Do not use your name, your email address, or the name of your company or this portal in your password.',
  BREACHED: 'This password has appeared in a data breach. Choose a different one.',
};

/** Counts characters as people see them (code points), not UTF-16 units. */
function length(password: string): number {
  return [...password].length;
}

/** Letters and digits only, lower case: "Grace@Meridian.example" → "gracemeridianexample". */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Words tied to the account or the portal (ASVS 6.2.11), of 4 characters or more to avoid false
 * hits: each part of a value, and each whole value (so the email address itself is one).
 */
export function contextWords(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    for (const part of [...value.toLowerCase().split(/[^\p{L}\p{N}]+/u), squeeze(value)]) if (part.length >= 4) words.add(part);
  }
  for (const word of ['portal', 'print', 'printer', 'password']) words.add(word);
  return [...words];
}

/** The offline rules; returns the first one the password breaks, or null. */
export function offlinePasswordProblem(password: string, context: readonly string[]): WeakPasswordReason | null {
  const characters = length(password);
  if (characters < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (characters > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (isCommonPassword(password)) return 'COMMON';
  // A context word is only a problem when it is most of the password, e.g. "bluepeak2026", compared
  // without separators so that the email address typed as the password counts too.
  const letters = squeeze(password);
  if (context.some((word) => letters.includes(word) && word.length * 2 >= letters.length)) return 'CONTEXT';
  return null;
}
