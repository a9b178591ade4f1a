import type { EntityManager } from 'typeorm';
import type { AutomationRuleDefinition } from '../automation-rule-definition';
import type { CompiledRule } from '../compiled-rule';
import type { DryRunMatch } from '../rule-dry-run.service';
import { MENTION_SUBJECT_COLUMNS, MENTION_SUBJECT_FROM, mentionSubject } from './mention-subject.loader';
import type { MentionSubjectRow } from './mention-subject.loader';

const EXCERPT = 160;

/**
 * The dry run of a mention rule: the last N mentions (newest stored first), each as the worker would
 * see it. Nothing is written, no action runs, earlier firings are not taken into account.
 */
export async function dryRunOverMentions(
  manager: EntityManager,
  organizationId: string,
  definition: AutomationRuleDefinition,
  rule: CompiledRule,
  limit: number,
): Promise<{ examined: number; matches: DryRunMatch[] }> {
  const rows: MentionSubjectRow[] = await manager.query(
    `SELECT ${MENTION_SUBJECT_COLUMNS} ${MENTION_SUBJECT_FROM}
      WHERE mn.organization_id = $1 ORDER BY mn.created_at DESC, mn.id DESC LIMIT $2`,
    [organizationId, limit],
  );
  const matches: DryRunMatch[] = [];
  for (const row of rows) {
    if (!(await rule.matches(mentionSubject(row), manager))) {
      continue;
    }
    const author = row.author_handle ? `@${row.author_handle.replace(/^@/, '')}` : row.author_name;
    matches.push({
      messageId: null,
      caseId: null,
      caseNumber: null,
      conversationId: row.conversation_id,
      channel: row.channel,
      accountName: row.watchlist_name,
      contactName: author,
      sentAt: new Date(row.published_at).toISOString(),
      excerpt: row.text ? row.text.slice(0, EXCERPT) : null,
      actions: definition.actions,
      mentionId: row.id,
      watchlistName: row.watchlist_name,
      url: row.url,
    });
  }
  return { examined: rows.length, matches };
}
