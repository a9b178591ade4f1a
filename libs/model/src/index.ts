// The model's plain types and enums, with no TypeORM in them: channel adapters import only this.
export * from './enums';
export * from './message-attachment';
export * from './case-number';
