import type { SeededRandom } from './seeded-random';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Istanbul keeps UTC+3 all year (no daylight saving since 2016). */
const LOCAL_OFFSET = 3 * HOUR;

/** How busy each local hour is (citizens write most in office hours, less in the evening, little at night). */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.1, 0.08, 0.1, 0.2, 0.5, 1.2, 2.6, 3.6, 4.0, 3.8, 3.0, 2.8, 3.5, 3.4, 3.1, 2.7, 2.2, 2.0, 2.1, 1.8, 1.2,
  0.6,
];
/** Sunday first, as Date.getUTCDay counts; weekends are quieter. */
const WEEKDAY_WEIGHTS = [0.5, 1.15, 1.05, 1.0, 1.0, 0.95, 0.62];

/** Local (Istanbul) calendar year of an instant: the year of its case number. */
export function localYear(at: number): number {
  return new Date(at + LOCAL_OFFSET).getUTCFullYear();
}

/** Local (Istanbul) weekday and hour of an instant. */
export function localParts(at: number): { weekday: number; hour: number; minute: number } {
  const local = new Date(at + LOCAL_OFFSET);
  return { weekday: local.getUTCDay(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** The instant of local midnight starting the local day that contains `at`. */
export function localMidnight(at: number): number {
  const local = at + LOCAL_OFFSET;
  return local - (local % DAY) - LOCAL_OFFSET;
}

export function weekdayWeight(dayStart: number): number {
  return WEEKDAY_WEIGHTS[localParts(dayStart + 12 * HOUR).weekday];
}

/** A moment of the local day starting at `dayStart`, drawn by the hourly rhythm. */
export function drawTimeOfDay(random: SeededRandom, dayStart: number): number {
  const weights = Object.fromEntries(HOUR_WEIGHTS.map((w, h) => [String(h), w])) as Record<string, number>;
  const hour = Number(random.weighted(weights));
  return dayStart + hour * HOUR + Math.floor(random.next() * HOUR);
}

/** Whether the municipality's desk is staffed: weekdays 08:30–17:30, Saturday morning. */
export function isOfficeTime(at: number): boolean {
  const { weekday, hour, minute } = localParts(at);
  const time = hour + minute / 60;
  if (weekday >= 1 && weekday <= 5) {
    return time >= 8.5 && time < 17.5;
  }
  return weekday === 6 && time >= 9.5 && time < 13;
}

/** The next staffed moment at or after `at`. */
export function nextOfficeTime(at: number): number {
  let t = at;
  for (let i = 0; i < 24 * 4 * 8 && !isOfficeTime(t); i++) {
    t += 15 * 60_000;
  }
  return t;
}

/**
 * When an officer answers a message that arrived at `at`: within the hour in office time (log-normal
 * around 25 minutes), otherwise soon after the desk opens; the mayor's office answers a little slower.
 */
export function responseTime(random: SeededRandom, at: number, slower: boolean): number {
  const delay = random.logNormal((slower ? 45 : 25) * 60_000, 0.8);
  // An officer on call answers some evening messages.
  if (isOfficeTime(at) || random.chance(0.15)) {
    return at + Math.min(delay, 6 * HOUR);
  }
  return nextOfficeTime(at) + Math.min(random.logNormal(35 * 60_000, 0.7), 4 * HOUR);
}
