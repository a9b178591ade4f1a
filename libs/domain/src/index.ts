export * from '@civic/model';
export * from './entities';
export * from './search/turkish-search';
export { ALL_ENTITIES } from './domain-entities';
export { MIGRATIONS } from './migrations';
