export * from './sandbox-channels';
export * from './sandbox-script';
export * from './sandbox.service';
export * from './sandbox.module';
