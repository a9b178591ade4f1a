import type { MessageKey } from '../../i18n/tr';

/** The periods the mentions screen offers, in hours back from now; hourly bars only up to a week. */
export const MENTION_PERIODS: { hours: number; key: MessageKey }[] = [
  { hours: 24, key: 'mayor.period.day' },
  { hours: 7 * 24, key: 'mayor.period.week' },
  { hours: 30 * 24, key: 'mayor.period.month' },
  { hours: 90 * 24, key: 'mayor.period.quarter' },
];

export const HOURLY_MAX_HOURS = 7 * 24;
export const DEFAULT_PERIOD_HOURS = 30 * 24;

export function periodKey(hours: number): MessageKey {
  return MENTION_PERIODS.find((p) => p.hours === hours)?.key ?? 'mayor.period.month';
}
