export * from './fake-twitter-api.server';
export * from './fake-twitter-oauth.verifier';
export * from './fake-twitter-media';
