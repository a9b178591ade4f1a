export * from './case-map-filter';
export * from './case-map.service';
export * from './neighbourhood-shading.service';
export * from './map.providers';
export * from './case-map-rollup';
export * from './case-map-cell.folder';
export * from './case-map-cell-fold.scheduler';
