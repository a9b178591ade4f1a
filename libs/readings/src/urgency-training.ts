import { jsonLines, readingsDataFile } from './training-data.file';
import type { UrgencyExample } from './urgency-model.trainer';

const FILE = 'urgency-training.jsonl';

/**
 * Where the urgency model's training sentences are: libs/readings/data/urgency-training.jsonl, found
 * from this file in the sources and in dist alike. The file holds ONLY the odd-numbered messages of
 * the evaluation set (test/fixtures/nlp, ids such as "tr-a-007"), all of the training fresh sets of
 * test/fixtures/nlp-fresh (messages.fresh.jsonl "fr-", fresh4 "fu-", fresh5 "fv-", fresh6 "fw-", fresh10 "fa-",
 * fresh12 "fc-", copied as they are) and sentences written for it ("x-…" ids, none copied from an even-numbered
 * message). Held out: the even-numbered messages of test/fixtures/nlp and the fresh sets fresh2 ("fs-"),
 * fresh3 ("ft-"), fresh7 ("fx-"), fresh8 ("fy-"), fresh9 ("fz-") and fresh11 ("fb-").
 */
export function urgencyTrainingFile(): string {
  return readingsDataFile(FILE);
}

/** The training sentences: one JSON object a line with `text` and `urgent`. */
export function urgencyTrainingExamples(file = urgencyTrainingFile()): UrgencyExample[] {
  return jsonLines<UrgencyExample>(file).map(({ text, urgent }) => ({ text, urgent }));
}
