import { CaseMapCellFolder } from './case-map-cell.folder';
import { CaseMapService } from './case-map.service';
import { NeighbourhoodShadingService } from './neighbourhood-shading.service';

/** The case map (api side): cases in a viewport and the neighbourhood layer. */
export const MAP_PROVIDERS = [CaseMapService, NeighbourhoodShadingService, CaseMapCellFolder];
