import type { EntityManager } from 'typeorm';

/** A position a phone wrote into one of the case's photos (EXIF GPS), offered as the case's location. */
export interface CasePhotoLocationView {
  latitude: number;
  longitude: number;
  /** The photo it came from: the message and the attachment's position in it. */
  messageId: string;
  attachmentIndex: number;
}

/**
 * The first of the case's photos (in the case's order) whose EXIF held a GPS position, as recorded
 * by the media worker on the message's attachment. The served copies carry no EXIF: this is the
 * only way the position reaches a screen, and only on the case page of a signed-in user.
 */
export async function readCasePhotoLocation(
  manager: EntityManager,
  organizationId: string,
  caseId: string,
): Promise<CasePhotoLocationView | null> {
  const [row] = await manager.query(
    `SELECT m.id AS "messageId", (p.photo->>'attachmentIndex')::int AS "attachmentIndex",
            (m.attachments -> (p.photo->>'attachmentIndex')::int -> 'exifLocation'->>'latitude')::float8 AS latitude,
            (m.attachments -> (p.photo->>'attachmentIndex')::int -> 'exifLocation'->>'longitude')::float8 AS longitude
       FROM civic_case c
       CROSS JOIN LATERAL jsonb_array_elements(c.photos) WITH ORDINALITY AS p(photo, ord)
       JOIN message m ON m.id = (p.photo->>'messageId')::uuid AND m.organization_id = c.organization_id
      WHERE c.id = $1 AND c.organization_id = $2
        AND jsonb_typeof(m.attachments -> (p.photo->>'attachmentIndex')::int -> 'exifLocation') = 'object'
      ORDER BY p.ord
      LIMIT 1`,
    [caseId, organizationId],
  );
  return row ?? null;
}

/** The suggestion the case page shows: only while the case has no location of its own. */
export async function readCasePhotoLocationSuggestion(
  manager: EntityManager,
  organizationId: string,
  caseId: string,
  hasLocation: boolean,
): Promise<CasePhotoLocationView | null> {
  return hasLocation ? null : readCasePhotoLocation(manager, organizationId, caseId);
}
