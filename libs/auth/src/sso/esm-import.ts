import { randomUUID } from 'node:crypto';

/**
 * A real dynamic import() in the compiled CommonJS (TypeScript would turn `import()` into require(),
 * which cannot load ESM-only packages such as openid-client); works in node dist/, ts-node and jest's VM.
 */
// V8 reuses a `new Function` of identical source with its first caller's import context: under jest that is an
// earlier suite's torn-down environment, so each load's source is made unique.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as <T>(
  specifier: string,
) => Promise<T>;
