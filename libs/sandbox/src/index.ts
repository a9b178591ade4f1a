export * from './sandbox-channels';
export * from './sandbox-script';
export * from './sandbox.service';
export * from './sandbox.module';
export * from './sandbox-accounts';
export * from './sandbox-photo';
export * from './demo-history';
export * from './live-scenes';
