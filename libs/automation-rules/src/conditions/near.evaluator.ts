import { RuleConditionType } from '../rule-condition';
import type { RuleCondition } from '../rule-condition';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

const EARTH_RADIUS_METERS = 6_371_008.8;
const MAX_RADIUS_METERS = 100_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine): plenty for "within 500 m of the square". */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The message (or its burst) carries a location within radiusMeters of the point; no location: no match. */
export class NearEvaluator implements ConditionEvaluator {
  readonly type = RuleConditionType.Near;

  problems(condition: RuleCondition, path: string): string[] {
    const problems: string[] = [];
    const { latitude, longitude, radiusMeters } = condition;
    if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      problems.push(`${path}.latitude must be a number from -90 to 90`);
    }
    if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      problems.push(`${path}.longitude must be a number from -180 to 180`);
    }
    if (
      typeof radiusMeters !== 'number' ||
      !Number.isFinite(radiusMeters) ||
      radiusMeters <= 0 ||
      radiusMeters > MAX_RADIUS_METERS
    ) {
      problems.push(`${path}.radiusMeters must be a number of metres above 0 and at most ${MAX_RADIUS_METERS}`);
    }
    return problems;
  }

  compile(condition: RuleCondition): CompiledCondition {
    const point = { latitude: condition.latitude!, longitude: condition.longitude! };
    const radius = condition.radiusMeters!;
    return (subject) => subject.locations.some((location) => distanceMeters(point, location) <= radius);
  }
}
