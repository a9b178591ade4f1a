import type { SentimentExample } from './sentiment-model.trainer';
import { jsonLines, readingsDataFile } from './training-data.file';

const FILE = 'sentiment-training.jsonl';

/** One line of the sentiment training file. */
export interface SentimentTrainingRow extends SentimentExample {
  id: string;
  language: string;
}

/**
 * Where the sentiment model's training messages are: libs/readings/data/sentiment-training.jsonl,
 * found from this file in the sources and in dist alike. The file holds ONLY the odd-numbered
 * messages of the evaluation set (test/fixtures/nlp, ids such as "tr-a-007", all languages) and all of
 * the training fresh sets of test/fixtures/nlp-fresh ("fr-", "fu-", "fv-", "fw-", "fa-", "fc-" ids), copied as they
 * are. Held out: the even-numbered messages of test/fixtures/nlp and the fresh sets fresh2 ("fs-"),
 * fresh3 ("ft-"), fresh7 ("fx-"), fresh8 ("fy-"), fresh9 ("fz-") and fresh11 ("fb-").
 */
export function sentimentTrainingFile(): string {
  return readingsDataFile(FILE);
}

/** The training messages: one JSON object a line with `id`, `language`, `text` and `sentiment`. */
export function sentimentTrainingRows(file = sentimentTrainingFile()): SentimentTrainingRow[] {
  return jsonLines<SentimentTrainingRow>(file);
}
