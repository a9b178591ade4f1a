import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id } as const;

/** A hash of a random password, made once with the same parameters as real ones (see verify). */
let dummyHash: Promise<string> | null = null;

/** argon2id with the library's recommended parameters. */
export const PasswordHasher = {
  hash: (password: string) => argon2.hash(password, OPTIONS),
  /**
   * Without a hash (unknown or disabled e-mail, no password set) a dummy hash is verified and false
   * returned, so the answer takes as long as a wrong password and does not tell the accounts apart.
   */
  verify: async (hash: string | null | undefined, password: string) => {
    if (hash) {
      return argon2.verify(hash, password).catch(() => false);
    }
    dummyHash ??= argon2.hash(randomBytes(32).toString('base64'), OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  },
};
