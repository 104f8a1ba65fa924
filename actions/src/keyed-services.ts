import { AccessTokenSigner } from './auth/access-token.ts';
import { MfaTickets } from './auth/mfa-ticket.ts';
import { PasswordHasher } from './auth/password-hashing.ts';
import type { ActionsConfig } from './config/config.ts';
import { SecretBox } from './crypto/encryption.ts';
import { deriveKey } from './crypto/keys.ts';

/** The keyed helpers built once from the configuration and shared by every request. */
export interface KeyedServices {
  passwords: PasswordHasher;
  accessTokens: AccessTokenSigner;
  mfaTickets: MfaTickets;
  box: SecretBox;
  backupCodeKey: Buffer;
}

export function buildKeyedServices(config: ActionsConfig): KeyedServices {
  return {
    passwords: new PasswordHasher(config.bcryptCost),
    accessTokens: new AccessTokenSigner(config.jwt),
    mfaTickets: new MfaTickets(config.encryptionKey, config.mfaTicketSeconds),
    box: new SecretBox(config.encryptionKey),
    backupCodeKey: deriveKey(config.encryptionKey, 'backup-codes'),
  };
}
