export type ErrorLanguage = 'tr' | 'en';

/**
 * The language an Accept-Language header prefers among Turkish and English; Turkish when it names
 * neither (or is absent), the language of the municipality.
 */
export function errorLanguageOf(acceptLanguage: string | string[] | undefined): ErrorLanguage {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) {
    return 'tr';
  }
  let best: { language: ErrorLanguage; q: number } | null = null;
  for (const part of header.slice(0, 500).split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'tr' && primary !== 'en') {
      continue;
    }
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) {
      continue;
    }
    if (!best || q > best.q) {
      best = { language: primary, q };
    }
  }
  return best?.language ?? 'tr';
}
