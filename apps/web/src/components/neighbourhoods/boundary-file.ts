/** The largest file the upload accepts (the API refuses larger bodies). */
export const MAX_BOUNDARY_FILE_BYTES = 5 * 1024 * 1024;

/** A read GeoJSON file: the parsed object, its feature count and the properties its features carry. */
export interface BoundaryFile {
  name: string;
  geojson: Record<string, unknown>;
  featureCount: number;
  /** Each property name with an example value, those every feature has first. */
  properties: { name: string; example: string; everyFeature: boolean }[];
}

/** Reads a GeoJSON file in the browser; null when it is not JSON (the API checks the rest and names the feature). */
export function readBoundaryFile(name: string, text: string): BoundaryFile | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return null;
  }
  const geojson = parsed as Record<string, unknown>;
  const features = Array.isArray(geojson.features) ? (geojson.features as { properties?: unknown }[]) : [];
  const seen = new Map<string, { example: string; count: number }>();
  for (const feature of features) {
    const props = feature?.properties;
    if (!props || typeof props !== 'object') {
      continue;
    }
    for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
      const entry = seen.get(key) ?? { example: '', count: 0 };
      entry.count += 1;
      if (!entry.example && (typeof value === 'string' || typeof value === 'number')) {
        entry.example = String(value);
      }
      seen.set(key, entry);
    }
  }
  const properties = [...seen.entries()]
    .map(([key, v]) => ({ name: key, example: v.example, everyFeature: v.count === features.length }))
    .sort((a, b) => Number(b.everyFeature) - Number(a.everyFeature) || a.name.localeCompare(b.name));
  return { name, geojson, featureCount: features.length, properties };
}

/** The property most likely to hold the names: a name-like key every feature has, else the first one. */
export function likelyNameProperty(file: BoundaryFile): string {
  const named = file.properties.find(
    (p) => p.everyFeature && /^(ad|adi|adı|name|isim|mahalle|mahalle_adi)$/i.test(p.name),
  );
  return (named ?? file.properties.find((p) => p.everyFeature && p.example) ?? file.properties[0])?.name ?? '';
}
