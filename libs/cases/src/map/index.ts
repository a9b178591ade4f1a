export * from './case-map-filter';
export * from './case-map.service';
export * from './neighbourhood-shading.service';
export * from './map.providers';
