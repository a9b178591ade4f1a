export * from './seeded-random';
export * from './demo-history.types';
export * from './demo-history.generator';
export * from './demo-history.service';
export * from './demo-history.module';
