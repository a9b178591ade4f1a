import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** What is wrong with a `west,south,east,north` box, or null when it is a box. */
export function boundingBoxProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return 'bbox is required: west,south,east,north in degrees';
  }
  const parts = value.split(',');
  if (parts.length !== 4 || parts.some((p) => p.trim() === '' || !Number.isFinite(Number(p)))) {
    return 'bbox must be four numbers: west,south,east,north in degrees';
  }
  const [west, south, east, north] = parts.map(Number);
  if ([west, east].some((x) => x < -180 || x > 180)) {
    return 'bbox longitudes (west, east) must be between -180 and 180';
  }
  if ([south, north].some((y) => y < -90 || y > 90)) {
    return 'bbox latitudes (south, north) must be between -90 and 90';
  }
  if (west >= east) {
    return 'bbox west must be less than east';
  }
  if (south >= north) {
    return 'bbox south must be less than north';
  }
  return null;
}

/** `bbox=west,south,east,north`: the message names what is wrong with it. */
@ValidatorConstraint({ name: 'boundingBox' })
export class BoundingBoxConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return boundingBoxProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return boundingBoxProblem(args.value) ?? 'bbox is invalid';
  }
}
