import { CaseNeighbourhoodAssigner } from './case-neighbourhood.assigner';
import { NeighbourhoodBoundariesService } from './neighbourhood-boundaries.service';
import { NeighbourhoodLookupService } from './neighbourhood-lookup.service';

/** What every module that records case history needs: the lookup and the assigner (CaseHistoryRecorder uses it). */
export const NEIGHBOURHOOD_LOOKUP_PROVIDERS = [NeighbourhoodLookupService, CaseNeighbourhoodAssigner];

/** Neighbourhoods, api side: the lookup plus uploading and listing boundaries. */
export const NEIGHBOURHOOD_PROVIDERS = [...NEIGHBOURHOOD_LOOKUP_PROVIDERS, NeighbourhoodBoundariesService];
