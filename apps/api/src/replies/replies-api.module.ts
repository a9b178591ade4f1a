import { Module } from '@nestjs/common';
import { RepliesModule } from '@civic/replies';
import { RepliesController } from './replies.controller';

@Module({ imports: [RepliesModule], controllers: [RepliesController] })
export class RepliesApiModule {}
