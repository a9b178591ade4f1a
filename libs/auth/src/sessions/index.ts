export * from './device-label';
export * from './session.service';
