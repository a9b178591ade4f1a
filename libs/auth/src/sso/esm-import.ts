/**
 * A real dynamic import() in the compiled CommonJS (TypeScript would turn `import()` into require(),
 * which cannot load ESM-only packages such as openid-client); works in node dist/, ts-node and jest's VM.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
