/**
 * npm run bench:nlp — the message readings of issue 28 measured on the hand-labelled evaluation set
 * test/fixtures/nlp/messages.*.jsonl (Turkish, Kurmanji, Arabic, English), and on the fresh held-out
 * sets of test/fixtures/nlp-fresh (fresh2, fresh3, fresh7, fresh8, fresh9, fresh11; written blind; bench/nlp-fresh-set.ts).
 *
 * Measurement discipline. The rule-based readings (language cues, sentiment, urgency) were tuned by
 * reading ONLY the messages whose id number is odd ("tr-a-007"); the messages with even id numbers
 * were never read while tuning and are the held-out half. Every figure of those readings is printed
 * on the tuning half (odd), the held-out half (even) and all; the targets are judged on the held-out
 * half. Error examples are printed from the tuning half only, so running this bench does not show
 * the held-out messages; the held-out errors appear only as counts of label pairs.
 * The category model is learned: its figure is 5-fold cross-validation over the Turkish messages
 * (sorted by id, fold = position mod 5: train on four folds, test on the fifth), its settings were
 * chosen by the same cross-validation run on the odd-numbered messages alone. The keyword-seeded
 * cold-start model (the default catalog's keywords, no case) is measured alone on all Turkish messages.
 * Urgency is the rules and a learned model together (UrgencyReading). The model ships trained on
 * libs/readings/data/urgency-training.jsonl: the odd-numbered messages, the training fresh sets of
 * test/fixtures/nlp-fresh (fr-, fu-, fv-, fw-, fa-, fc- ids, each written blind of the readings) and sentences
 * written for it; no even-numbered message and nothing of a held-out fresh set. Its
 * figure is 5-fold cross-validation over those training-eligible messages (bench/nlp-urgency-cv.ts:
 * the model alone, and the combined reading with each fold's model), which chose URGENCY_RESCUE.
 * The combined reading's tuning-half figure is no estimate (rules tuned and model trained on that
 * half); its held-out figures (even ids and the held-out fresh sets) are.
 * Sentiment is likewise the rules and a learned model (trained on libs/readings/data/sentiment-training.jsonl,
 * the same eligible messages); bench/nlp-sentiment-cv.ts cross-validates the ways of combining them by
 * a criterion fixed in advance, printed here overall and on the written-blind part apart.
 *
 * Targets (issue 28): category top-1 ≥ 0.85; sentiment macro-F1 ≥ 0.75; urgency recall ≥ 0.95 with
 * precision ≥ 0.8; language accuracy ≥ 0.98; ≥ 2,000 messages/s on one core for all four readings
 * together; ≤ 30 MB of models. One process, no database, no network.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CATEGORIES } from '@civic/cases';
import type { CategoryExample } from '@civic/readings';
import {
  CategoryModelTrainer,
  LanguageReading,
  MessageReader,
  SentimentReading,
  URGENCY_RESCUE,
  URGENCY_RESCUE_UNNAMED,
  URGENCY_VETO,
  UrgencyReading,
  seedExamplesFromKeywords,
  sentimentTrainingFile,
  urgencyTrainingExamples,
  urgencyTrainingFile,
} from '@civic/readings';
import { freshSetsFigures } from './nlp-fresh-set';
import type { LabelledMessage } from './nlp-fresh-set';
import { SENTIMENT_CV_SHOWN, SENTIMENT_WITHIN_BUDGET, SentimentCrossValidation } from './nlp-sentiment-cv';
import { RESCUE_MIN_PRECISION, UNNAMED_MIN_RECALL, UrgencyCrossValidation } from './nlp-urgency-cv';

type Labelled = LabelledMessage;

const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'nlp');
const READS = Number(process.env.BENCH_NLP_READS ?? 10_000);
const SENTIMENTS = ['negative', 'neutral', 'positive'];

function load(): Labelled[] {
  const rows: Labelled[] = [];
  for (const file of readdirSync(FIXTURES).filter((f) => /^messages\..+\.jsonl$/.test(f))) {
    for (const line of readFileSync(join(FIXTURES, file), 'utf8').split('\n')) {
      try {
        const row = JSON.parse(line) as Labelled;
        if (row.id && row.text) {
          rows.push(row);
        }
      } catch {
        // A line being written by the set's authors, or blank: skipped.
      }
    }
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

const idNumber = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
const round = (x: number, digits = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);
type Half = 'tuning (odd)' | 'held-out (even)' | 'all';
const HALVES: [Half, (r: Labelled) => boolean][] = [
  ['tuning (odd)', (r) => idNumber(r.id) % 2 === 1],
  ['held-out (even)', (r) => idNumber(r.id) % 2 === 0],
  ['all', () => true],
];

function macroF1(pairs: [string, string][]): number {
  const f1 = SENTIMENTS.map((label) => {
    const tp = pairs.filter(([g, p]) => g === label && p === label).length;
    const fp = pairs.filter(([g, p]) => g !== label && p === label).length;
    const fn = pairs.filter(([g, p]) => g === label && p !== label).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1.reduce((s, x) => s + x, 0) / f1.length;
}

/** The most common (gold → predicted) pairs among the mistakes. */
function confusions(pairs: [string, string][], top = 5): string[] {
  const counts = new Map<string, number>();
  for (const [gold, predicted] of pairs.filter(([g, p]) => g !== p)) {
    counts.set(`${gold} → ${predicted}`, (counts.get(`${gold} → ${predicted}`) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([pair, n]) => `${pair}: ${n}`);
}

async function main(): Promise<void> {
  const rows = load();
  const turkish = rows.filter((r) => r.language === 'tr');
  const count = (lang: string) => rows.filter((r) => r.language === lang).length;
  console.log(
    `evaluation set: ${rows.length} messages (tr ${turkish.length}, ku ${count('ku')}, ar ${count('ar')}, en ${count('en')})`,
  );

  const language = new LanguageReading();
  await language.init();
  const sentiment = new SentimentReading();
  // The product's urgency model, trained as the first reading of a process trains it.
  const trainCpu = process.cpuUsage();
  const trainStart = process.hrtime.bigint();
  const urgency = new UrgencyReading(UrgencyReading.train());
  const trainUsed = process.cpuUsage(trainCpu);
  const urgencyTraining = {
    examples: urgencyTrainingExamples().length,
    wallMs: round(Number(process.hrtime.bigint() - trainStart) / 1e6, 0),
    cpuMs: round((trainUsed.user + trainUsed.system) / 1000, 0),
  };
  const read = rows.map((r) => ({
    row: r,
    language: language.read(r.text).language as string,
    sentiment: sentiment.read(r.text).label as string,
    urgent: urgency.read(r.text).urgent,
  }));
  const oddExamples = (wrong: (x: (typeof read)[number]) => boolean, n = 6) =>
    read
      .filter((x) => idNumber(x.row.id) % 2 === 1 && wrong(x))
      .slice(0, n)
      .map((x) => `${x.row.id}: ${x.row.text.slice(0, 110)}`);

  const languageRows = HALVES.map(([half, inHalf]) => {
    const set = read.filter((x) => inHalf(x.row));
    return {
      half,
      messages: set.length,
      accuracy: round(set.filter((x) => x.language === x.row.language).length / set.length),
    };
  });
  const sentimentRows = HALVES.map(([half, inHalf]) => {
    const set = read.filter((x) => inHalf(x.row));
    const tr = set.filter((x) => x.row.language === 'tr');
    return {
      half,
      turkishMacroF1: round(macroF1(tr.map((x) => [x.row.sentiment, x.sentiment]))),
      turkish: tr.length,
      allLanguagesMacroF1: round(macroF1(set.map((x) => [x.row.sentiment, x.sentiment]))),
      all: set.length,
    };
  });
  const urgencyRows = HALVES.map(([half, inHalf]) => {
    const set = read.filter((x) => inHalf(x.row));
    const tp = set.filter((x) => x.urgent && x.row.urgent).length;
    const fp = set.filter((x) => x.urgent && !x.row.urgent).length;
    const fn = set.filter((x) => !x.urgent && x.row.urgent).length;
    return {
      half,
      urgentLabelled: tp + fn,
      recall: round(tp / (tp + fn)),
      precision: round(tp / (tp + fp)),
      missed: fn,
      falseAlarms: fp,
    };
  });

  // The urgency reading by 5-fold cross-validation over the training-eligible messages.
  const urgencyCv = new UrgencyCrossValidation();
  const urgencyModel = {
    messages: urgencyCv.eligible.length,
    urgent: urgencyCv.eligible.filter((r) => r.urgent).length,
    writtenSentences: urgencyCv.written.length,
    ...urgencyCv.modelAlone([URGENCY_VETO, 0.3, 0.5, URGENCY_RESCUE, 0.9]),
    combined: urgencyCv.combined({
      rescue: URGENCY_RESCUE,
      rescueUnnamed: URGENCY_RESCUE_UNNAMED,
      veto: URGENCY_VETO,
    }),
    rescueByCriterion: urgencyCv.chooseRescue(URGENCY_VETO).rescue,
    vetoByCriterion: urgencyCv.chooseVeto({ rescue: URGENCY_RESCUE, rescueUnnamed: URGENCY_RESCUE_UNNAMED }),
    rescueUnnamedByCriterion: urgencyCv.chooseRescueUnnamed(URGENCY_RESCUE).rescueUnnamed,
    // What a stricter rescue where the rules named no danger would trade: false alarms saved for emergencies missed.
    rescueUnnamedTrade: [URGENCY_RESCUE, 0.35, 0.4, 0.45, 0.5].map((rescueUnnamed) => ({
      rescueUnnamed,
      ...urgencyCv.combined({ rescue: URGENCY_RESCUE, rescueUnnamed, veto: URGENCY_VETO })[0],
    })),
  };

  // Sentiment: the ways of combining rules and model, 5-fold cross-validation over the same eligible messages.
  const sentimentCvFigures = new SentimentCrossValidation().run(SENTIMENT_CV_SHOWN);
  const sentimentCv = {
    figures: sentimentCvFigures,
    chosenByCriterion: SentimentCrossValidation.choose(sentimentCvFigures, SENTIMENT_WITHIN_BUDGET),
  };

  // Category: 5-fold cross-validation over the Turkish messages, then the cold-start model alone.
  const seeds = seedExamplesFromKeywords(DEFAULT_CATEGORIES);
  const asExample = (r: Labelled): CategoryExample => ({ text: r.text, category: r.category });
  let top1 = 0;
  let top3 = 0;
  const categoryPairs: [string, string][] = [];
  for (let fold = 0; fold < 5; fold++) {
    const model = CategoryModelTrainer.train(turkish.filter((_, i) => i % 5 !== fold).map(asExample), { seeds });
    for (const r of turkish.filter((_, i) => i % 5 === fold)) {
      const suggestion = model.suggest(r.text);
      const rank = suggestion?.ranked.findIndex((s) => s.category === r.category) ?? -1;
      top1 += rank === 0 ? 1 : 0;
      top3 += rank >= 0 && rank < 3 ? 1 : 0;
      categoryPairs.push([r.category, suggestion?.category ?? '(none)']);
    }
  }
  const cold = CategoryModelTrainer.train([], { seeds });
  const coldRanks = turkish.map((r) => cold.suggest(r.text)?.ranked.findIndex((s) => s.category === r.category) ?? -1);
  const category = {
    crossValidation: {
      folds: 5,
      messages: turkish.length,
      top1: round(top1 / turkish.length),
      top3: round(top3 / turkish.length),
    },
    coldStart: {
      seeds: seeds.length,
      top1: round(coldRanks.filter((k) => k === 0).length / turkish.length),
      top3: round(coldRanks.filter((k) => k >= 0 && k < 3).length / turkish.length),
      noSuggestion: coldRanks.filter((k) => k < 0).length,
    },
  };

  // Speed: all four readings through the facade, one process, after warm-up.
  const whole = CategoryModelTrainer.train(turkish.map(asExample), { seeds });
  const reader = new MessageReader();
  await reader.init();
  for (let i = 0; i < 1000; i++) {
    reader.read(rows[i % rows.length].text, whole);
  }
  // The machine is shared with other work: each figure is the best of three rounds, counted two
  // ways: per second of wall-clock time, and per second of this process's own CPU time (user +
  // system), which other processes' load does not eat into. The load average is printed beside them.
  const perReading: Record<string, number> = {};
  const perCpuSecond: Record<string, number> = {};
  const timeIt = (name: string, fn: (text: string) => unknown) => {
    const rounds = [0, 1, 2].map(() => {
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < READS; i++) {
        fn(rows[i % rows.length].text);
      }
      const cpu = process.cpuUsage(cpu0);
      return {
        wall: READS / (Number(process.hrtime.bigint() - t0) / 1e9),
        cpu: READS / ((cpu.user + cpu.system) / 1e6),
      };
    });
    perReading[name] = Math.round(Math.max(...rounds.map((r) => r.wall)));
    perCpuSecond[name] = Math.round(Math.max(...rounds.map((r) => r.cpu)));
  };
  timeIt('all four (MessageReader.read)', (t) => reader.read(t, whole));
  timeIt('language', (t) => language.read(t));
  timeIt('sentiment', (t) => sentiment.read(t));
  timeIt('urgency', (t) => urgency.read(t));
  timeIt('category', (t) => whole.suggest(t));
  const loadAverage = loadavg().map((x) => round(x, 2));

  const lidBytes = statSync(LanguageReading.modelFile()).size;
  const categoryJson = JSON.stringify(whole.toJSON());
  const categoryBytes = Buffer.byteLength(categoryJson);
  // The urgency and sentiment models are trained from their files at a process's first reading: the files are what ships.
  const urgencyBytes = statSync(urgencyTrainingFile()).size;
  const sentimentBytes = statSync(sentimentTrainingFile()).size;
  const size = {
    lidMb: round(lidBytes / 2 ** 20, 2),
    categoryModelMb: round(categoryBytes / 2 ** 20, 2),
    urgencyTrainingFileMb: round(urgencyBytes / 2 ** 20, 2),
    sentimentTrainingFileMb: round(sentimentBytes / 2 ** 20, 2),
    totalMb: round((lidBytes + categoryBytes + urgencyBytes + sentimentBytes) / 2 ** 20, 2),
  };

  const fresh = freshSetsFigures({
    language: (t) => language.read(t).language,
    sentiment: (t) => sentiment.read(t).label,
    urgent: (t) => urgency.read(t).urgent,
    category: whole,
    macroF1,
  });

  const heldOut = <T extends { half: Half }>(rowsOf: T[]): T => rowsOf.find((r) => r.half === 'held-out (even)')!;
  const result = {
    at: new Date().toISOString(),
    messages: { total: rows.length, tr: turkish.length, ku: count('ku'), ar: count('ar'), en: count('en') },
    language: languageRows,
    sentiment: sentimentRows,
    sentimentCrossValidation: sentimentCv,
    urgency: urgencyRows,
    urgencyModel: { ...urgencyModel, training: urgencyTraining },
    fresh,
    category,
    messagesPerSecond: perReading,
    messagesPerCpuSecond: perCpuSecond,
    reads: READS,
    loadAverage,
    modelSize: size,
    errors: {
      language: {
        confusions: confusions(read.map((x) => [x.row.language, x.language])),
        tuningExamples: oddExamples((x) => x.language !== x.row.language),
      },
      sentiment: {
        confusions: confusions(read.map((x) => [x.row.sentiment, x.sentiment])),
        tuningExamples: oddExamples((x) => x.sentiment !== x.row.sentiment),
      },
      urgency: {
        confusions: confusions(
          read.map((x) => [x.row.urgent ? 'urgent' : 'not urgent', x.urgent ? 'urgent' : 'not urgent']),
        ),
        missedByCategory: confusions(
          read.filter((x) => x.row.urgent && !x.urgent).map((x) => [x.row.category, 'missed']),
        ),
        falseAlarmsByCategory: confusions(
          read.filter((x) => !x.row.urgent && x.urgent).map((x) => [x.row.category, 'false alarm']),
        ),
        tuningExamples: oddExamples((x) => x.urgent !== x.row.urgent),
      },
      category: { confusions: confusions(categoryPairs, 8) },
    },
    targets: {
      categoryTop1: category.crossValidation.top1! >= 0.85,
      sentimentMacroF1HeldOut: heldOut(sentimentRows).turkishMacroF1! >= 0.75,
      urgencyHeldOut: heldOut(urgencyRows).recall! >= 0.95 && heldOut(urgencyRows).precision! >= 0.8,
      urgencyFresh: Object.fromEntries(
        fresh.map((f) => [f.set, f.urgency.recall! >= 0.95 && f.urgency.precision! >= 0.8]),
      ),
      languageHeldOut: heldOut(languageRows).accuracy! >= 0.98,
      speed: perReading['all four (MessageReader.read)'] >= 2000,
      speedPerCpuSecond: perCpuSecond['all four (MessageReader.read)'] >= 2000,
      size: size.totalMb! <= 30,
    },
  };

  const show = (title: string, table: unknown) => {
    console.log(title);
    console.table(table);
  };
  show('\nlanguage accuracy', languageRows);
  show('sentiment macro-F1', sentimentRows);
  show(
    `sentiment, 5-fold cross-validation over the training-eligible messages (chosen by Turkish macro-F1: ${sentimentCv.chosenByCriterion})`,
    sentimentCv.figures,
  );
  show('urgency (rules and model together)', urgencyRows);
  show(
    `urgency model alone, 5-fold cross-validation over the ${urgencyModel.messages} training-eligible messages (odd ids and the training fresh sets; AUC ${urgencyModel.auc})`,
    urgencyModel.atThresholds,
  );
  show(
    `urgency rules and model together, same cross-validation, rescue at ${URGENCY_RESCUE}, veto below ${URGENCY_VETO} (the lowest rescue with precision ≥ ${RESCUE_MIN_PRECISION} here: ${urgencyModel.rescueByCriterion}; the highest veto that clears no more urgent messages than the lowest: ${urgencyModel.vetoByCriterion})`,
    urgencyModel.combined,
  );
  show(
    `the same, all eligible, with a stricter rescue where the rules named no danger (shipped ${URGENCY_RESCUE_UNNAMED}; the highest with recall ≥ ${UNNAMED_MIN_RECALL} here: ${urgencyModel.rescueUnnamedByCriterion})`,
    urgencyModel.rescueUnnamedTrade,
  );
  show('urgency model training when the first reading is made', urgencyTraining);
  for (const set of fresh) {
    console.log(
      `fresh held-out set ${set.set} (${set.messages} messages written blind, never trained or tuned on; category model trained on the whole set above)`,
      JSON.stringify(set, null, 2),
    );
  }
  show('category (Turkish)', {
    '5-fold cross-validation': category.crossValidation,
    'cold start (keywords only)': category.coldStart,
  });
  show(
    `messages per second, one core, best of 3 rounds of ${READS.toLocaleString('en')} reads after 1,000 warm-up (load average ${loadAverage.join(', ')} on ${cpus().length} cores)`,
    Object.fromEntries(
      Object.keys(perReading).map((k) => [
        k,
        { 'per wall-clock second': perReading[k], 'per CPU second': perCpuSecond[k] },
      ]),
    ),
  );
  show('model size on disk (MB)', size);
  console.log('most common errors', JSON.stringify(result.errors, null, 2));
  console.log('targets met', result.targets);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `nlp-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`written: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
