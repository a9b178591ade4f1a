export * from './error-code';
export * from './domain-error';
export * from './error-language';
export * from './error-catalogue';
