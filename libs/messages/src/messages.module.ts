import { Module } from '@nestjs/common';
import { MessageDispatchStore } from './message-dispatch.store';
import { MessageStore } from './message.store';

const PROVIDERS = [MessageStore, MessageDispatchStore];

/** The owner of the `message` table's writes. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class MessagesModule {}
