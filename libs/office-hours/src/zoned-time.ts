/**
 * Wall-clock arithmetic in an IANA time zone with the platform's Intl data (no library needed):
 * an instant's local date and time, and the instant of a local date and time.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone is a real IANA zone the platform knows (e.g. Europe/Istanbul). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of an instant. */
export function localParts(ms: number, zone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (Istanbul: +3 h). */
function offsetAt(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local date and minute of day. In a DST gap the wall time does not exist and the
 * later offset applies; in an overlap the earlier instant is taken.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, zone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  if (first === second) {
    return first;
  }
  // Offsets differ around a transition: keep the one that maps back to the wall time.
  const candidates = [first, second].filter((t) => t + offsetAt(t, zone) === wall).sort((a, b) => a - b);
  return candidates[0] ?? Math.max(first, second);
}

/**
 * The zone's offset over the whole local day when it has no transition that day (one offset for
 * every wall time of it: two Intl calls instead of several per wall time), else null.
 */
export function steadyOffsetOn(date: LocalDate, zone: string): number | null {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  // The day's instants lie within [midnight - 14 h, midnight + 24 h + 12 h] for any real offset.
  const early = offsetAt(midnight - 14 * 3_600_000, zone);
  const late = offsetAt(midnight + 36 * 3_600_000, zone);
  return early === late ? early : null;
}

export function localDateOf(ms: number, zone: string): LocalDate {
  const p = localParts(ms, zone);
  return { year: p.year, month: p.month, day: p.day };
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** YYYY-MM-DD of a local date. */
export function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
