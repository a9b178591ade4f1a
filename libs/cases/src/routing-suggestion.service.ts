import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { LearnedCategoryReader } from './learned-category.reader';
import type { LearnedCategory, LearnedTextCategory } from './learned-category.reader';
import { matchRules } from './routing-matcher';
import { RoutingRulesService } from './routing-rules.service';

export interface RoutingSuggestion {
  category: { id: string; code: string; name: string; slaHours: number };
  /** The department or external body the case should go to (kind tells which). */
  department: { id: string; name: string; kind: DepartmentKind } | null;
  matchedKeywords: string[];
  score: number;
}

const TEXT_MESSAGES = 20;

export interface CaseSuggestions {
  conversationId: string;
  suggestion: RoutingSuggestion | null;
  alternatives: RoutingSuggestion[];
  /** The learned model's suggestion for the citizen's latest message (or the given one), beside the rules'. */
  learned: LearnedCategory | null;
}

/** Suggestions for a text typed by an officer (a case recorded by hand). */
export interface TextSuggestions {
  suggestion: RoutingSuggestion | null;
  alternatives: RoutingSuggestion[];
  learned: LearnedTextCategory | null;
}

/**
 * Suggests a category and unit for a conversation from the citizen's words and the admins' keyword
 * rules, with the category the organization's learned model read in the citizen's message.
 */
@Injectable()
export class RoutingSuggestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RoutingRulesService,
    private readonly learnedCategories: LearnedCategoryReader,
  ) {}

  async suggest(scope: AccountScope, conversationId: string, messageId?: string): Promise<CaseSuggestions> {
    const organizationId = scope.organizationId;
    const scoped: unknown[] = [organizationId, conversationId];
    const [conversation] = await this.dataSource.query(
      `SELECT id FROM conversation WHERE organization_id = $1 AND id = $2 AND ${scope.accountCondition('channel_account_id', scoped)}`,
      scoped,
    );
    if (!conversation) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    const messages: { text: string | null; captions: string | null }[] = await this.dataSource.query(
      `SELECT m.text, (SELECT string_agg(a->>'caption', ' ') FROM jsonb_array_elements(m.attachments) a) AS captions
         FROM message m WHERE m.conversation_id = $1 AND m.direction = 'in' AND NOT m.deleted AND ($2::uuid IS NULL OR m.id = $2)
        ORDER BY m.sent_at DESC LIMIT ${TEXT_MESSAGES}`,
      [conversationId, messageId ?? null],
    );
    const learned = await this.learnedCategories.latest(
      this.dataSource.manager,
      organizationId,
      conversationId,
      messageId ?? null,
    );
    const text = messages.map((m) => [m.text, m.captions].filter(Boolean).join(' ')).join('\n');
    return { conversationId, ...(await this.byRules(organizationId, text)), learned };
  }

  /** The keyword rules' and the learned model's suggestions for a text that came by phone, in person or by e-mail. */
  async suggestForText(organizationId: string, text: string): Promise<TextSuggestions> {
    const learned = await this.learnedCategories.forText(this.dataSource.manager, organizationId, text);
    return { ...(await this.byRules(organizationId, text)), learned };
  }

  private async byRules(
    organizationId: string,
    text: string,
  ): Promise<Pick<CaseSuggestions, 'suggestion' | 'alternatives'>> {
    const rules = await this.rules.list(organizationId, true);
    const matches = matchRules(text, rules);
    if (matches.length === 0) {
      return { suggestion: null, alternatives: [] };
    }

    const categories = new Map<string, Record<string, any>>(
      (
        await this.dataSource.query(
          `SELECT id, code, name, sla_hours, department_id FROM case_category WHERE organization_id = $1`,
          [organizationId],
        )
      ).map((c: any) => [c.id, c]),
    );
    const units = new Map<string, Record<string, any>>(
      (
        await this.dataSource.query(`SELECT id, name, kind FROM department WHERE organization_id = $1 AND active`, [
          organizationId,
        ])
      ).map((d: any) => [d.id, d]),
    );
    // One suggestion per category: its best-scoring rule.
    const seen = new Set<string>();
    const suggestions: RoutingSuggestion[] = [];
    for (const m of matches) {
      if (seen.has(m.rule.categoryId)) {
        continue;
      }
      seen.add(m.rule.categoryId);
      const category = categories.get(m.rule.categoryId)!;
      const unit = units.get(m.rule.departmentId ?? category.department_id ?? '');
      suggestions.push({
        category: { id: category.id, code: category.code, name: category.name, slaHours: category.sla_hours },
        department: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
        matchedKeywords: m.matched,
        score: m.score,
      });
    }
    return { suggestion: suggestions[0], alternatives: suggestions.slice(1, 4) };
  }
}
