// PGlite's contrib extensions are exposed through package "exports", which TypeScript's classic
// node resolution (our CommonJS build) does not read; point the types at the files directly.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export { pg_trgm } from '@electric-sql/pglite/dist/contrib/pg_trgm';
}
