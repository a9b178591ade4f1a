export * from './channel.enum';
export * from './message.enums';
export * from './conversation.enums';
export * from './channel-account.enums';
export * from './user-role.enum';
export * from './export.enums';
export * from './case.enums';
export * from './case-source.enum';
