export * from './whatsapp.adapter';
export * from './whatsapp-message.mapper';
export * from './whatsapp-channel.module';
export * from './whatsapp.providers';
