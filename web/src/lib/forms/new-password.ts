import { m } from '../paraglide/messages.js';

/**
 * What is wrong with a chosen password and its confirmation, keyed by the field to show it on
 * (so a mismatch is tied to the confirmation field, not only to a general alert), or null when
 * both are fine. The action server checks the password rules again.
 */
export function newPasswordErrors(password: string, confirmation: string, passwordField = 'password'): Record<string, string> | null {
  if (password.length < 8) return { [passwordField]: m.auth_password_too_short() };
  if (password.length > 128) return { [passwordField]: m.auth_password_too_long() };
  if (password !== confirmation) return { confirmPassword: m.auth_passwords_differ() };
  return null;
}
