import { ValidateBy } from 'class-validator';

/** The week lists each weekday 1-7 once. */
export function SevenWeekdays(): PropertyDecorator {
  return ValidateBy({
    name: 'sevenWeekdays',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        new Set(value.map((d: { weekday?: unknown }) => d?.weekday)).size === 7 &&
        value.every((d: { weekday?: unknown }) => Number.isInteger(d?.weekday)),
      defaultMessage: () => 'weekly must list each weekday (1 Monday … 7 Sunday) once',
    },
  });
}
