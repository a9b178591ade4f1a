import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file of libs/readings/data, found from this file in the sources and in dist alike. */
export function readingsDataFile(name: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'data', name), join(dir, 'libs', 'readings', 'data', name)]) {
      if (existsSync(candidate)) {
        return candidate;
      }
    }
    if (dirname(dir) === dir) {
      throw new Error(`${name} not found above ${__dirname}`);
    }
  }
}

/** A JSON-lines file's rows (blank lines skipped). */
export function jsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Ids of the fresh sets of test/fixtures/nlp-fresh that are training data, each written blind of the readings. */
export const TRAINING_FRESH_IDS = /^(fr|fu|fv|fw|fa|fc)-\d+$/;
/** Ids of the fresh sets held out from training (fresh2, fresh3, fresh7, fresh8, fresh9, fresh11): only ever measured. */
export const HELD_OUT_FRESH_IDS = /^(fs|ft|fx|fy|fz|fb)-\d+$/;
