import { Module } from '@nestjs/common';
import { MessageReader } from './message.reader';

/** Provides one MessageReader, its language model loaded before the application starts. */
@Module({
  providers: [
    {
      provide: MessageReader,
      useFactory: async (): Promise<MessageReader> => {
        const reader = new MessageReader();
        await reader.init();
        return reader;
      },
    },
  ],
  exports: [MessageReader],
})
export class ReadingsModule {}
