import L from 'leaflet';

/** leaflet.markercluster extends the global `L`: set it before that plugin is imported. */
(globalThis as unknown as { L: typeof L }).L = L;

export default L;
