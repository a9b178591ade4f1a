import * as argon2 from 'argon2';

/** argon2id with the library's recommended parameters. */
export const PasswordHasher = {
  hash: (password: string) => argon2.hash(password, { type: argon2.argon2id }),
  verify: async (hash: string | null, password: string) => (hash ? argon2.verify(hash, password).catch(() => false) : false),
};
