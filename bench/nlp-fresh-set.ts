/**
 * The fresh held-out sets in test/fixtures/nlp-fresh (fresh2 "fs-", fresh3 "ft-", fresh7 "fx-": an
 * ordinary day's traffic, fresh8 "fy-", fresh9 "fz-" and fresh11 "fb-": realistic weeks), each written blind after the readings were
 * built by someone who had not seen their rules, model, training data or the other sets. Never trained or tuned on; only
 * counts are printed, never their texts, so they stay unseen. (The first fresh set,
 * messages.fresh.jsonl, "fr-" ids, is training data now and is measured only by the
 * cross-validations of bench/nlp-urgency-cv.ts and bench/nlp-sentiment-cv.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CategoryModel } from '@civic/readings';

/** A hand-labelled message of the evaluation sets (test/fixtures/nlp and test/fixtures/nlp-fresh). */
export interface LabelledMessage {
  id: string;
  text: string;
  language: string;
  category: string;
  sentiment: string;
  urgent: boolean;
}

export interface FreshReaders {
  language: (text: string) => string;
  sentiment: (text: string) => string;
  urgent: (text: string) => boolean;
  /** Trained on the whole evaluation set's Turkish messages: none of these. */
  category: CategoryModel;
  macroF1: (pairs: [string, string][]) => number;
}

const FRESH_DIR = join(__dirname, '..', 'test', 'fixtures', 'nlp-fresh');
/** The held-out sets written blind, by name: never trained or tuned on. */
export const FRESH_SETS: Record<string, string> = {
  fresh2: join(FRESH_DIR, 'messages.fresh2.jsonl'),
  fresh3: join(FRESH_DIR, 'messages.fresh3.jsonl'),
  fresh7: join(FRESH_DIR, 'messages.fresh7.jsonl'),
  fresh8: join(FRESH_DIR, 'messages.fresh8.jsonl'),
  fresh9: join(FRESH_DIR, 'messages.fresh9.jsonl'),
  fresh11: join(FRESH_DIR, 'messages.fresh11.jsonl'),
};

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) {
    counts[v] = (counts[v] ?? 0) + 1;
  }
  return counts;
}

/** The readings' figures on each fresh held-out set that is written. */
export function freshSetsFigures(readers: FreshReaders) {
  return Object.entries(FRESH_SETS)
    .filter(([, file]) => existsSync(file))
    .map(([name, file]) => ({ set: name, ...freshSetFigures(file, readers) }));
}

/** The readings' figures on one fresh held-out set. */
function freshSetFigures(file: string, readers: FreshReaders) {
  const rows: LabelledMessage[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const row = JSON.parse(line) as LabelledMessage;
      if (row.id && row.text) {
        rows.push(row);
      }
    } catch {
      // A line being written by the set's author, or blank: skipped.
    }
  }
  const read = rows.map((row) => ({
    row,
    language: readers.language(row.text),
    sentiment: readers.sentiment(row.text),
    urgent: readers.urgent(row.text),
  }));
  const tp = read.filter((x) => x.urgent && x.row.urgent).length;
  const fp = read.filter((x) => x.urgent && !x.row.urgent);
  const fn = read.filter((x) => !x.urgent && x.row.urgent);
  const turkish = read.filter((x) => x.row.language === 'tr');
  let top1 = 0;
  let top3 = 0;
  for (const x of turkish) {
    const rank = readers.category.suggest(x.row.text)?.ranked.findIndex((s) => s.category === x.row.category) ?? -1;
    top1 += rank === 0 ? 1 : 0;
    top3 += rank >= 0 && rank < 3 ? 1 : 0;
  }
  return {
    messages: rows.length,
    urgency: {
      urgentLabelled: tp + fn.length,
      recall: ratio(tp, tp + fn.length),
      precision: ratio(tp, tp + fp.length),
      missed: fn.length,
      falseAlarms: fp.length,
      missedByCategory: countBy(fn.map((x) => x.row.category)),
      falseAlarmsByCategory: countBy(fp.map((x) => x.row.category)),
      missedByLanguage: countBy(fn.map((x) => x.row.language)),
    },
    sentimentTurkishMacroF1:
      Math.round(readers.macroF1(turkish.map((x) => [x.row.sentiment, x.sentiment])) * 1000) / 1000,
    languageAccuracy: ratio(read.filter((x) => x.language === x.row.language).length, read.length),
    categoryTurkish: { messages: turkish.length, top1: ratio(top1, turkish.length), top3: ratio(top3, turkish.length) },
  };
}
