/**
 * The official Turkish public holidays an organization starts with (editable afterwards), and the
 * default weekly hours of a belediye. Used by the office-hours migration (existing organizations)
 * and by OfficeCalendarService (organizations created later).
 *
 * Fixed national days: Law 2429 on national and public holidays (Ulusal Bayram ve Genel Tatiller
 * Hakkında Kanun), 15 Temmuz added by Law 7013 (2017); 28 Ekim and the eves (arife) of the two
 * religious holidays are holidays from 13:00.
 *
 * Religious holidays: the first days below are from the Diyanet İşleri Başkanlığı "Dini Günler"
 * calendar (Din İşleri Yüksek Kurulu's lunar-month calculations, vakithesaplama.diyanet.gov.tr/dini_gunler.php),
 * checked for 2026 against the published 2026 calendar (Ramazan Bayramı 20 March, arife 19 March;
 * Kurban Bayramı 27 May, arife 26 May) and for 2030 against Diyanet's statement that Ramazan
 * starts on 5 January 2030 (30 days, so the bayram starts on 4 February). Diyanet publishes each
 * year's calendar ahead; an administrator corrects a date on the office-hours screen if it moves.
 */

export type HolidayKind = 'national' | 'religious';

export interface OfficialHoliday {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  nameTr: string;
  nameEn: string;
  kind: HolidayKind;
  /** A half-day eve: open in the morning, closed from `closesAt`. */
  halfDay: boolean;
  closesAt: string | null;
}

/** One weekday's hours; `open` null means closed all day. ISO weekday: 1 Monday … 7 Sunday. */
export interface WeekdayHours {
  weekday: number;
  open: string | null;
  close: string | null;
  lunchStart: string | null;
  lunchEnd: string | null;
}

export const DEFAULT_OFFICE_TIME_ZONE = 'Europe/Istanbul';

/** A typical belediye: Monday to Friday 08:30-17:30 with lunch 12:00-13:00, closed at weekends. */
export const DEFAULT_WEEKLY_HOURS: WeekdayHours[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
  weekday <= 5
    ? { weekday, open: '08:30', close: '17:30', lunchStart: '12:00', lunchEnd: '13:00' }
    : { weekday, open: null, close: null, lunchStart: null, lunchEnd: null },
);

/** Years the official calendar below covers. */
export const OFFICIAL_HOLIDAY_YEARS = { from: 2025, to: 2030 };

/** First day of each religious holiday (Diyanet, see above). */
const RELIGIOUS_FIRST_DAYS: Record<number, { ramazan: string; kurban: string }> = {
  2025: { ramazan: '2025-03-30', kurban: '2025-06-06' },
  2026: { ramazan: '2026-03-20', kurban: '2026-05-27' },
  2027: { ramazan: '2027-03-09', kurban: '2027-05-16' },
  2028: { ramazan: '2028-02-26', kurban: '2028-05-05' },
  2029: { ramazan: '2029-02-14', kurban: '2029-04-24' },
  2030: { ramazan: '2030-02-04', kurban: '2030-04-13' },
};

const FIXED_NATIONAL: { monthDay: string; nameTr: string; nameEn: string; closesAt?: string }[] = [
  { monthDay: '01-01', nameTr: 'Yılbaşı', nameEn: "New Year's Day" },
  { monthDay: '04-23', nameTr: 'Ulusal Egemenlik ve Çocuk Bayramı', nameEn: "National Sovereignty and Children's Day" },
  { monthDay: '05-01', nameTr: 'Emek ve Dayanışma Günü', nameEn: 'Labour and Solidarity Day' },
  {
    monthDay: '05-19',
    nameTr: "Atatürk'ü Anma, Gençlik ve Spor Bayramı",
    nameEn: 'Commemoration of Atatürk, Youth and Sports Day',
  },
  { monthDay: '07-15', nameTr: 'Demokrasi ve Millî Birlik Günü', nameEn: 'Democracy and National Unity Day' },
  { monthDay: '08-30', nameTr: 'Zafer Bayramı', nameEn: 'Victory Day' },
  { monthDay: '10-28', nameTr: 'Cumhuriyet Bayramı arifesi', nameEn: 'Republic Day eve', closesAt: '13:00' },
  { monthDay: '10-29', nameTr: 'Cumhuriyet Bayramı', nameEn: 'Republic Day' },
];

const HALF_DAY_CLOSES_AT = '13:00';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function religious(first: string, days: number, nameTr: string, nameEn: string): OfficialHoliday[] {
  const eve: OfficialHoliday = {
    date: addDays(first, -1),
    nameTr: `${nameTr} arifesi`,
    nameEn: `${nameEn} eve`,
    kind: 'religious',
    halfDay: true,
    closesAt: HALF_DAY_CLOSES_AT,
  };
  const rest = Array.from({ length: days }, (_, i) => ({
    date: addDays(first, i),
    nameTr: `${nameTr} ${i + 1}. gün`,
    nameEn: `${nameEn}, day ${i + 1}`,
    kind: 'religious' as const,
    halfDay: false,
    closesAt: null,
  }));
  return [eve, ...rest];
}

/** Every official holiday of the covered years, in date order. */
export function officialTurkishHolidays(): OfficialHoliday[] {
  const all: OfficialHoliday[] = [];
  for (let year = OFFICIAL_HOLIDAY_YEARS.from; year <= OFFICIAL_HOLIDAY_YEARS.to; year++) {
    for (const f of FIXED_NATIONAL) {
      all.push({
        date: `${year}-${f.monthDay}`,
        nameTr: f.nameTr,
        nameEn: f.nameEn,
        kind: 'national',
        halfDay: f.closesAt !== undefined,
        closesAt: f.closesAt ?? null,
      });
    }
    const r = RELIGIOUS_FIRST_DAYS[year];
    all.push(...religious(r.ramazan, 3, 'Ramazan Bayramı', 'Ramadan Feast'));
    all.push(...religious(r.kurban, 4, 'Kurban Bayramı', 'Feast of Sacrifice'));
  }
  return all.sort((a, b) => a.date.localeCompare(b.date));
}
