import { createHash } from 'node:crypto';
import bcrypt from 'bcrypt';

/** bcrypt reads at most 72 bytes; longer passwords (e.g. 64 CJK characters) are pre-hashed so every byte counts. */
const BCRYPT_MAX_BYTES = 72;

/**
 * What bcrypt is given. Passwords up to 72 UTF-8 bytes go in as they are, so the seed's and any
 * existing plain bcrypt hashes keep verifying; longer ones become base64(SHA-256), 44 ASCII bytes.
 */
export function bcryptInput(password: string): string {
  if (Buffer.byteLength(password, 'utf8') <= BCRYPT_MAX_BYTES) return password;
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

/** bcrypt at the configured cost, plus a dummy hash for unknown accounts so they take as long as known ones. */
export class PasswordHasher {
  readonly cost: number;
  #dummy: Promise<string> | undefined;

  constructor(cost: number) {
    this.cost = cost;
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(bcryptInput(password), this.cost);
  }

  /** Compares against `hash`, or against a dummy hash of the same cost when there is no account. */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    const target = hash ?? (await this.dummyHash());
    const matches = await bcrypt.compare(bcryptInput(password), target);
    return hash !== undefined && matches;
  }

  /** Computed once, at start-up (see `warmUp`), so the first unknown-email login is not faster. */
  dummyHash(): Promise<string> {
    this.#dummy ??= bcrypt.hash('dummy password for accounts that do not exist', this.cost);
    return this.#dummy;
  }
}
