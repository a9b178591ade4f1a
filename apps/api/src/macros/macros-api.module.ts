import { Module } from '@nestjs/common';
import { AutomationModule } from '@civic/automation';
import { ConversationMacrosController } from './conversation-macros.controller';
import { MacrosController } from './macros.controller';

@Module({ imports: [AutomationModule], controllers: [MacrosController, ConversationMacrosController] })
export class MacrosApiModule {}
