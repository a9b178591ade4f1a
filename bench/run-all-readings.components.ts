/** The run-all rows of the message readings: their quality (nlp) and their cost at ingest. */
import type { Component, Row } from './run-all.table';
import { met } from './run-all.table';

export const NLP_BENCH: Component = {
  name: 'nlp',
  script: 'bench/nlp.bench.ts',
  resultPrefix: 'nlp-',
  rows: (r) => {
    const heldOut = (rows: any[]) => rows.find((x: any) => x.half === 'held-out (even)');
    const urgency = heldOut(r.urgency);
    const row = (measure: string, figure: number, unit: string, target: string, ok: boolean): Row => ({
      component: 'readings',
      measure,
      figure,
      unit,
      ceilingName: '-',
      ceiling: '-',
      ratio: '-',
      target,
      met: met(ok),
    });
    return [
      row(
        `category top-1, 5-fold cross-validation (${r.category.crossValidation.messages} Turkish msgs; top-3 ${r.category.crossValidation.top3}; keywords alone ${r.category.coldStart.top1})`,
        r.category.crossValidation.top1,
        'share',
        '≥ 0.85',
        r.category.crossValidation.top1 >= 0.85,
      ),
      row(
        'sentiment macro-F1, Turkish, held-out half',
        heldOut(r.sentiment).turkishMacroF1,
        'F1',
        '≥ 0.75',
        heldOut(r.sentiment).turkishMacroF1 >= 0.75,
      ),
      row(
        `urgency recall, held-out half (precision ${urgency.precision})`,
        urgency.recall,
        'share',
        'recall ≥ 0.95, precision ≥ 0.8',
        urgency.recall >= 0.95 && urgency.precision >= 0.8,
      ),
      row(
        'language accuracy, held-out half',
        heldOut(r.language).accuracy,
        'share',
        '≥ 0.98',
        heldOut(r.language).accuracy >= 0.98,
      ),
      row(
        `all four readings, one core, per wall-clock second (per CPU second: ${r.messagesPerCpuSecond?.['all four (MessageReader.read)']}; load average ${r.loadAverage?.[0]})`,
        r.messagesPerSecond['all four (MessageReader.read)'],
        'msgs/s',
        '≥ 2,000',
        r.messagesPerSecond['all four (MessageReader.read)'] >= 2000,
      ),
      row('models on disk (lid.176 + category model)', r.modelSize.totalMb, 'MB', '≤ 30', r.modelSize.totalMb <= 30),
    ];
  },
};

export const READINGS_BENCH: Component = {
  name: 'readings',
  script: 'bench/readings-ingest.bench.ts',
  resultPrefix: 'readings-',
  rows: (r) => [
    {
      component: 'readings',
      measure: `ingest with the readings on (${r.events} messages; with the scanner's reading: ${r.handledOn} vs ${r.handledOff}/s)`,
      figure: r.ingestOn,
      unit: 'events/s',
      ceilingName: 'readings off',
      ceiling: r.ingestOff,
      ratio: r.ingestRatio,
      target: '≥ 0.85×',
      met: met(r.ingestRatio >= 0.85),
    },
  ],
};
