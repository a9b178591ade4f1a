export * from './group-mapping';
export * from './password-sign-in-policy.service';
export * from './single-sign-on-settings.dto';
export * from './single-sign-on-exchange.dto';
export * from './single-sign-on-settings.service';
export * from './single-sign-on.service';
export * from './single-sign-on.module';
export * from './esm-import';
