export * from './recovery-codes';
export * from './totp-code';
export * from './two-factor.service';
export * from './two-factor-challenge.service';
export * from './two-factor-policy.service';
export * from './two-factor-login.service';
export * from './two-factor.dto';
