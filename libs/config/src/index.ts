export * from './environment';
export * from './app-config.service';
export * from './config.module';
export * from './clock';
