import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenInboundHandlerRegistry } from '@civic/citizen-loop';
import type { CitizenInboundHandler, CitizenInboundMessage } from '@civic/citizen-loop';
import { MessageKind } from '@civic/domain';
import { CategoryModelService } from './category-model.service';
import { MessageReadingBuffer, writeReadings } from './message-reading.buffer';
import { MessageReadings } from './message-readings.provider';

/**
 * Reads every citizen message with text (language, sentiment, urgency, suggested category) behind
 * ingest, in the inbound scanner's transaction and before the rules (order 5), so a rule can route by
 * the language read here. The rows are written once per batch at commit; the message always passes on.
 */
@Injectable()
export class MessageReadingHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 5;

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly readings: MessageReadings,
    private readonly categories: CategoryModelService,
  ) {}

  // The learned models train here, before any worker subscribes (at application bootstrap): training
  // blocks the event loop for about a second, which would delay a reply already given its send slot.
  onModuleInit(): void {
    this.registry.register(this);
    this.readings.warm();
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    const text = message.text?.trim();
    // A reaction (an emoji on one of our messages) says nothing in words: the conversation keeps the
    // language and sentiment of the citizen's last words, and an emoji is never urgent.
    if (!text || message.kind === MessageKind.Reaction) {
      return 'pass';
    }
    const model = await this.categories.modelFor(message.organizationId, manager);
    const row = {
      messageId: message.id,
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      sentAt: message.sentAt,
      ...this.readings.read(text, model),
    };
    if (!MessageReadingBuffer.add(manager, row)) {
      await writeReadings(manager, [row]);
    }
    return 'pass';
  }
}
