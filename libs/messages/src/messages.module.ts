import { Module } from '@nestjs/common';
import { MessageStore } from './message.store';

/** The owner of the `message` table's writes. */
@Module({ providers: [MessageStore], exports: [MessageStore] })
export class MessagesModule {}
