import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { describeError } from '@civic/database';
import { CaseMapCellFolder } from './case-map-cell.folder';

/** How often the worker folds the case map's pending changes; the map reads them meanwhile, so this is about size, not freshness. */
export const CASE_MAP_FOLD_TICK_MS = 5_000;

/** The worker's periodic fold of the case map's rollup. */
@Injectable()
export class CaseMapCellFoldScheduler {
  private readonly logger = new Logger(CaseMapCellFoldScheduler.name);

  constructor(private readonly folder: CaseMapCellFolder) {}

  @Interval('case-map-cells', CASE_MAP_FOLD_TICK_MS)
  async tick(): Promise<void> {
    try {
      await this.folder.fold();
    } catch (error) {
      this.logger.error(`Folding the case map's changes failed: ${describeError(error)}`);
    }
  }
}
