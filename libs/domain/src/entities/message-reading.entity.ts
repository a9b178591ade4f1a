import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the readings (issue 28) made of one inbound message: language, sentiment, urgency, suggested category. */
@Entity('message_reading')
@Index('ix_message_reading_conversation', ['conversationId', 'readAt'])
export class MessageReading {
  @PrimaryColumn({ type: 'uuid', name: 'message_id', primaryKeyConstraintName: 'pk_message_reading' })
  messageId: string;

  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_message_reading' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  /** tr, ku, ar, en or other. */
  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'real', name: 'language_confidence' })
  languageConfidence: number;

  /** negative, neutral or positive. */
  @Column({ type: 'text' })
  sentiment: string;

  @Column({ type: 'real', name: 'sentiment_score' })
  sentimentScore: number;

  @Column({ type: 'text', array: true, name: 'sentiment_cues', default: () => "'{}'" })
  sentimentCues: string[];

  @Column({ type: 'boolean' })
  urgent: boolean;

  /** The words that made the message urgent. */
  @Column({ type: 'text', array: true, name: 'urgency_terms', default: () => "'{}'" })
  urgencyTerms: string[];

  /** The category code the organization's classifier suggests, with its confidence and deciding words. */
  @Column({ type: 'text', name: 'suggested_category', nullable: true })
  suggestedCategory: string | null;

  @Column({ type: 'real', name: 'suggestion_confidence', nullable: true })
  suggestionConfidence: number | null;

  @Column({ type: 'text', array: true, name: 'suggestion_words', default: () => "'{}'" })
  suggestionWords: string[];

  @Column({ type: 'timestamptz', name: 'read_at', default: () => 'now()' })
  readAt: Date;
}
