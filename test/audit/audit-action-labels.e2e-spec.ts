import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CaseStatus } from '@civic/domain';
import { en } from '../../apps/web/src/i18n/en';
import { tr } from '../../apps/web/src/i18n/tr';

/**
 * Every audit action code the server writes has a name in Turkish and in English, so the trail never
 * shows an auditor "case.forward.email_outbox". The codes are read from the source where they are
 * written (AuditService callers and the two recorders that prefix theirs). This suite needs no
 * database; it sits under test/ because the unit project leaves apps/web to the browser build.
 */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' || name === 'web' ? [] : sources(path);
    }
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const FILES = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

const literals = (expression: string) => [...expression.matchAll(/'([a-z][a-z_]*(?:\.[a-z_]+)*)'/g)].map((m) => m[1]);

/** The action codes the source writes, each with where it was found. */
function actionCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, where: string) => {
    if (!found.has(code)) {
      found.set(code, where);
    }
  };
  for (const { path, text } of FILES) {
    // Case changes go through CaseHistoryRecorder, which writes "case.<action>" (CaseService.transition too).
    const caseHistory = /this\.history\.record\(|\.transition\(/.test(text) && !/this\.audit\.record/.test(text);
    for (const match of text.matchAll(/\baction:\s*([^\n]*)/g)) {
      // In "a === 'queued' ? 'citizen.notified' : 'citizen.notification_refused'" only the outcomes count.
      const expression = match[1].includes('?') ? match[1].slice(match[1].indexOf('?')) : match[1];
      for (const code of literals(expression)) {
        if (caseHistory) {
          add(`case.${code}`, path);
        } else if (code.includes('.')) {
          add(code, path);
        }
      }
    }
    // Helpers that take the action as their second argument (channel accounts, watchlists).
    for (const match of text.matchAll(/this\.(?:record|entry)\(\s*\w+,\s*'([a-z_]+\.[a-z_.]+)'/g)) {
      add(match[1], path);
    }
    // Named constants ("HISTORY_SEEDED_ACTION = 'demo.history_seeded'").
    for (const match of text.matchAll(/\b[A-Z_]*ACTION\s*=\s*'([a-z_]+\.[a-z_.]+)'/g)) {
      add(match[1], path);
    }
  }
  // ConversationActivityRecorder: "conversation.<AUDIT_ACTION[type] ?? type>".
  const recorder = FILES.find((f) => f.path.endsWith('conversation-activity.recorder.ts'))!;
  expect(recorder.text).toContain('action: `conversation.${AUDIT_ACTION[a.type] ?? a.type}`');
  const map = recorder.text.match(/const AUDIT_ACTION[^{]*\{([^}]*)\}/)![1];
  for (const code of literals(map)) {
    add(`conversation.${code}`, recorder.path);
  }
  // CaseService.transition: an unchanged status is recorded under the status's own name ("case.assigned").
  for (const status of Object.values(CaseStatus)) {
    add(`case.${status}`, 'libs/cases/src/cases.service.ts');
  }
  return found;
}

describe('audit action names', () => {
  const codes = actionCodes();

  it('finds the codes where the server writes them', () => {
    // A guard against the reader above silently finding nothing.
    for (const known of [
      'auth.login',
      'case.created',
      'case.forward.email_outbox',
      'case.citizen.notified',
      'conversation.status_changed',
      'channel_account.connected',
      'mention.watchlist_created',
      'export.downloaded',
      'reply.sent',
      'message.edited',
    ]) {
      expect([...codes.keys()]).toContain(known);
    }
    expect(codes.size).toBeGreaterThan(70);
  });

  it('names every code in Turkish and in English', () => {
    const missing = (catalogue: Record<string, string>) =>
      [...codes].filter(([code]) => !catalogue[`audit.act.${code}`]).map(([code, where]) => `${code} (${where})`);
    expect(missing(tr)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
