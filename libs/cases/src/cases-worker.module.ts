import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { MailModule } from '@civic/mail';
import { MediaModule } from '@civic/media';
import { QueueModule } from '@civic/queue';
import { CaseForwardDispatcher } from './case-forward.dispatcher';
import { CaseForwardWorker } from './case-forward.worker';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseSeedService } from './case-seed.service';
import { DepartmentsService } from './departments.service';
import { CaseCitizenMailWorker } from './intake/case-citizen-mail.worker';
import { CaseMapCellFoldScheduler } from './map/case-map-cell-fold.scheduler';
import { CaseMapCellFolder } from './map/case-map-cell.folder';
import { NeighbourhoodRecomputeWorker } from './neighbourhoods/neighbourhood-recompute.worker';
import { NEIGHBOURHOOD_LOOKUP_PROVIDERS } from './neighbourhoods/neighbourhood.providers';
import { CaseForwardPhotoCollector } from './photos/case-forward-photos.collector';

/**
 * Cases (worker side): delivers forwarded cases to external bodies' webhooks and e-mail addresses,
 * recomputes neighbourhoods and folds the case map's rollup.
 */
@Module({
  imports: [AuditModule, MailModule, MediaModule, QueueModule],
  providers: [
    CaseSeedService,
    DepartmentsService,
    CaseHistoryRecorder,
    CaseForwardDispatcher,
    CaseForwardPhotoCollector,
    CaseForwardWorker,
    CaseCitizenMailWorker,
    ...NEIGHBOURHOOD_LOOKUP_PROVIDERS,
    NeighbourhoodRecomputeWorker,
    CaseMapCellFolder,
    CaseMapCellFoldScheduler,
  ],
  exports: [CaseForwardDispatcher],
})
export class CasesWorkerModule {}
