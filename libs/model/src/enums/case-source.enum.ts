/**
 * How a case (başvuru) reached the municipality. Social cases are opened from a conversation on a
 * connected channel; the others are recorded by an officer and have no conversation (a phone call,
 * a visit to the Beyaz Masa, an e-mail, or CİMER, the presidency's communication centre); Open311
 * requests come from a city app or web form and have no conversation either.
 */
export enum CaseSource {
  Social = 'social',
  Phone = 'phone',
  WalkIn = 'walk_in',
  Email = 'email',
  Cimer = 'cimer',
  Other = 'other',
  /** Filed by a city app or web form through Open311 GeoReport v2 (POST requests.json) with a client key. */
  Open311 = 'open311',
}

/** Sources an officer records by hand (every source but social and open311). */
export const MANUAL_CASE_SOURCES: readonly CaseSource[] = [
  CaseSource.Phone,
  CaseSource.WalkIn,
  CaseSource.Email,
  CaseSource.Cimer,
  CaseSource.Other,
];

/** CİMER's rule: an application is answered within this many working days unless configured otherwise. */
export const DEFAULT_CIMER_ANSWER_WORKING_DAYS = 15;
