export * from './scene-photo';
