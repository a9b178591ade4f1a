export * from './organization.entity';
export * from './user.entity';
export * from './channel-account.entity';
export * from './contact.entity';
export * from './conversation.entity';
export * from './message.entity';
export * from './message-attachment';
