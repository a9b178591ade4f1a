import { CaseNeighbourhoodAssigner } from './case-neighbourhood.assigner';
import { NeighbourhoodBoundariesService } from './neighbourhood-boundaries.service';
import { NeighbourhoodLookupService } from './neighbourhood-lookup.service';
import { NeighbourhoodVersionWriter } from './neighbourhood-version.writer';

/** What every module that records case history needs: the lookup and the assigner (CaseHistoryRecorder uses it). */
export const NEIGHBOURHOOD_LOOKUP_PROVIDERS = [NeighbourhoodLookupService, CaseNeighbourhoodAssigner];

/** Neighbourhoods, api side: the lookup plus writing versions (uploads, official list) and listing them. */
export const NEIGHBOURHOOD_PROVIDERS = [
  ...NEIGHBOURHOOD_LOOKUP_PROVIDERS,
  NeighbourhoodVersionWriter,
  NeighbourhoodBoundariesService,
];
