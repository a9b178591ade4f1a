import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CategoryModelService, MessageReadingBuffer, ReadingSettingsService } from '@civic/message-readings';
import { wordsAsWritten } from './words-as-written';

/** The category the organization's learned model suggested for one citizen message (issue 28). */
export interface LearnedCategory {
  messageId: string;
  category: { id: string; code: string; name: string; slaHours: number; slaWorkingHours: boolean };
  /** The model's probability for the category (0..1). */
  confidence: number;
  /** The message's words that weighed most, strongest first, as the citizen wrote them. */
  words: string[];
  /** The administrator's threshold: at or above it the suggestion may be applied by itself. */
  threshold: number;
}

/** The learned model's category for a text that is no stored message (a case recorded by hand). */
export type LearnedTextCategory = Omit<LearnedCategory, 'messageId'>;

interface SuggestionReading {
  messageId: string;
  code: string;
  confidence: number;
  words: string[];
  /** The message's text (the words are shown as written in it). */
  text: string | null;
}

/**
 * Reads the stored category suggestion of a citizen message: the given message, else the latest
 * citizen message of the conversation that has one. A reading made earlier in the caller's
 * transaction (the inbound scanner, before its commit) is found in the readings buffer.
 */
@Injectable()
export class LearnedCategoryReader {
  constructor(
    private readonly settings: ReadingSettingsService,
    private readonly models: CategoryModelService,
  ) {}

  /** The organization's model read on a text now (an officer typing a phone call's case); null without a model or a category. */
  async forText(manager: EntityManager, organizationId: string, text: string): Promise<LearnedTextCategory | null> {
    const suggestion = (await this.models.modelFor(organizationId, manager))?.suggest(text);
    if (!suggestion) {
      return null;
    }
    const category = await activeCategory(manager, organizationId, suggestion.category);
    return category
      ? {
          category,
          confidence: suggestion.confidence,
          words: wordsAsWritten(suggestion.words, text),
          threshold: await this.settings.threshold(organizationId, manager),
        }
      : null;
  }

  async latest(
    manager: EntityManager,
    organizationId: string,
    conversationId: string,
    messageId: string | null,
  ): Promise<LearnedCategory | null> {
    const reading =
      (messageId ? await buffered(manager, organizationId, messageId) : null) ??
      (await stored(manager, organizationId, conversationId, messageId));
    if (!reading) {
      return null;
    }
    const category = await activeCategory(manager, organizationId, reading.code);
    if (!category) {
      return null;
    }
    return {
      messageId: reading.messageId,
      category,
      confidence: reading.confidence,
      words: wordsAsWritten(reading.words, reading.text),
      threshold: await this.settings.threshold(organizationId, manager),
    };
  }
}

/** Only a category the organization still offers: the model may know a category since switched off. */
async function activeCategory(
  manager: EntityManager,
  organizationId: string,
  code: string,
): Promise<LearnedCategory['category'] | null> {
  const [category] = await manager.query(
    `SELECT id, code, name, sla_hours, sla_working_hours FROM case_category WHERE organization_id = $1 AND code = $2 AND active`,
    [organizationId, code],
  );
  return category
    ? {
        id: category.id,
        code: category.code,
        name: category.name,
        slaHours: category.sla_hours,
        slaWorkingHours: category.sla_working_hours,
      }
    : null;
}

async function buffered(
  manager: EntityManager,
  organizationId: string,
  messageId: string,
): Promise<SuggestionReading | null> {
  const row = MessageReadingBuffer.find(manager, messageId);
  if (!row?.suggestedCategory || row.suggestionConfidence === null) {
    return null;
  }
  const [message] = await manager.query(`SELECT text FROM message WHERE organization_id = $1 AND id = $2`, [
    organizationId,
    messageId,
  ]);
  return {
    messageId,
    code: row.suggestedCategory,
    confidence: row.suggestionConfidence,
    words: row.suggestionWords,
    text: message?.text ?? null,
  };
}

async function stored(
  manager: EntityManager,
  organizationId: string,
  conversationId: string,
  messageId: string | null,
): Promise<SuggestionReading | null> {
  const [row] = await manager.query(
    `SELECT r.message_id, r.suggested_category, r.suggestion_confidence, r.suggestion_words, m.text
       FROM message_reading r JOIN message m ON m.organization_id = r.organization_id AND m.id = r.message_id
      WHERE r.organization_id = $1 AND r.conversation_id = $2 AND ($3::uuid IS NULL OR r.message_id = $3)
        AND r.suggested_category IS NOT NULL AND r.suggestion_confidence IS NOT NULL AND NOT m.deleted
      ORDER BY m.sent_at DESC, m.id DESC LIMIT 1`,
    [organizationId, conversationId, messageId],
  );
  return row
    ? {
        messageId: row.message_id,
        code: row.suggested_category,
        confidence: row.suggestion_confidence,
        words: row.suggestion_words ?? [],
        text: row.text,
      }
    : null;
}
