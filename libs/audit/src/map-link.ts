/** "39.920770, 32.854110": six decimals, about ten centimetres, what a map search box accepts. */
export function coordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

/** A link that opens the pin on OpenStreetMap (no account, no key, works from a printed page's QR or a PDF click). */
export function openStreetMapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/** The same link built by PostgreSQL from a location's jsonb (`latitude`, `longitude`), for the CSV. */
export function openStreetMapUrlSql(location: string): string {
  const lat = `to_char((${location}->>'latitude')::numeric, 'FM990.000000')`;
  const lon = `to_char((${location}->>'longitude')::numeric, 'FM9990.000000')`;
  return `'https://www.openstreetmap.org/?mlat=' || ${lat} || '&mlon=' || ${lon} || '#map=17/' || ${lat} || '/' || ${lon}`;
}

/** "39.920770, 32.854110" built by PostgreSQL. */
export function coordinatesSql(location: string): string {
  return `to_char((${location}->>'latitude')::numeric, 'FM990.000000') || ', ' || to_char((${location}->>'longitude')::numeric, 'FM9990.000000')`;
}
