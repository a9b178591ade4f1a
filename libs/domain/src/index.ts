export * from '@civic/model';
export * from './entities';
export * from './search/turkish-search';
export * from './calendar/turkish-public-holidays';
export { ALL_ENTITIES } from './domain-entities';
export { MIGRATIONS } from './migrations';
