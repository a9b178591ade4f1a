export * from './passkey.dto';
export * from './passkey-relying-party';
export * from './passkey-challenge.store';
export * from './passkey.service';
export * from './passkey-login.service';
