export * from './office-calendar';
export * from './zoned-time';
export * from './working-timeline';
export * from './working-calendar';
export * from './office-hours.seeder';
export * from './office-calendar.service';
export * from './office-hours.module';
