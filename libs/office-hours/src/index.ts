export * from './office-calendar';
