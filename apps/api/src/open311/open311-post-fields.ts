import { isEmail } from 'class-validator';
import { normalizePhone } from '@civic/cases';

/** The fields of a GeoReport v2 POST requests.json, checked and trimmed. */
export interface Open311PostFields {
  serviceCode: string;
  latitude: number | null;
  longitude: number | null;
  addressString: string | null;
  addressId: string | null;
  description: string | null;
  mediaUrl: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  deviceId: string | null;
  accountId: string | null;
}

const LIMITS = {
  service_code: 100,
  address_string: 500,
  address_id: 100,
  description: 4000,
  media_url: 2000,
  email: 320,
  phone: 40,
  first_name: 100,
  last_name: 100,
  device_id: 200,
  account_id: 200,
} as const;

type Field = keyof typeof LIMITS;

/**
 * Reads a GeoReport v2 request body (form-encoded or JSON; every value a string or, in JSON, a number
 * for lat/long). Each problem names its field; all of them are collected, so a client fixes its form
 * once. `api_key` and `jurisdiction_id` are the caller's business; `attribute[...]` (service
 * definitions, which this server does not publish: metadata false) is ignored.
 */
export function readOpen311PostFields(body: unknown): { fields: Open311PostFields | null; errors: string[] } {
  const errors: string[] = [];
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (name: Field): string | null => {
    const value = record[name];
    if (value === undefined || value === null) {
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push(`${name} must be a string`);
      return null;
    }
    const trimmed = String(value).trim();
    if (trimmed.length > LIMITS[name]) {
      errors.push(`${name} must be at most ${LIMITS[name]} characters`);
      return null;
    }
    return trimmed || null;
  };
  const serviceCode = text('service_code');
  if (!serviceCode && !errors.some((e) => e.startsWith('service_code'))) {
    errors.push('service_code is required');
  }
  const latitude = coordinate(record.lat, 'lat', 90, errors);
  const longitude = coordinate(record.long, 'long', 180, errors);
  if ((latitude === null) !== (longitude === null) && !errors.some((e) => /^(lat|long) /.test(e))) {
    errors.push('lat and long must be given together');
  }
  const addressString = text('address_string');
  const addressId = text('address_id');
  const located = (latitude !== null && longitude !== null) || addressString || addressId;
  if (!located && !errors.some((e) => /^(lat|long|address)/.test(e))) {
    errors.push('a location is required: lat and long, address_string or address_id');
  }
  const mediaUrl = text('media_url');
  if (mediaUrl && !isHttpUrl(mediaUrl)) {
    errors.push('media_url must be an http or https URL');
  }
  const email = text('email');
  if (email && !isEmail(email)) {
    errors.push('email must be an e-mail address such as ad.soyad@example.com');
  }
  const givenPhone = text('phone');
  const phone = givenPhone ? normalizePhone(givenPhone) : null;
  if (givenPhone && !phone) {
    errors.push('phone must be a phone number such as 0532 123 45 67 or +90 532 123 45 67');
  }
  const fields: Open311PostFields = {
    serviceCode: serviceCode ?? '',
    latitude,
    longitude,
    addressString,
    addressId,
    description: text('description'),
    mediaUrl,
    email: email?.toLowerCase() ?? null,
    phone,
    firstName: text('first_name'),
    lastName: text('last_name'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
  };
  return errors.length ? { fields: null, errors } : { fields, errors };
}

function coordinate(value: unknown, name: 'lat' | 'long', max: number, errors: string[]): number | null {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(number) || Math.abs(number) > max || (typeof value === 'string' && !value.trim())) {
    errors.push(`${name} must be a number between -${max} and ${max} (WGS84 decimal degrees)`);
    return null;
  }
  return number;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}
