/** What a citizen photographs, by the request's category code (the photo generator draws these scenes). */
export type PhotoSubject = string;

// A 1×1 JPEG: what the sandbox sent before generated scene photos (libs/sandbox/src/photos) existed.
const PLACEHOLDER_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/**
 * The one place the sandbox gets a citizen's photo (JPEG bytes) for a subject and a variant number,
 * for the live scenes and the demo history alike: switching the source is a change here only.
 */
export function sandboxPhoto(_subject: PhotoSubject, _variant: number): Buffer {
  return PLACEHOLDER_JPEG;
}
