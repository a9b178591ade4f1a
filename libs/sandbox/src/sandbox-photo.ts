import type { ScenePhotoKind } from './photos';
import { scenePhoto } from './photos';

/** What a citizen photographs, by the request's category code. */
export type PhotoSubject = string;

/** The generated scene that shows each category's problem (variants alternate where there are two). */
const SCENES: Record<PhotoSubject, ScenePhotoKind[]> = {
  'yol-cukur': ['pothole', 'broken-pavement'],
  cop: ['overflowing-bin'],
  aydinlatma: ['broken-street-lamp'],
  park: ['fallen-tree'],
  'su-arizasi': ['flooded-street'],
};

/** Category codes the sandbox has photos of. */
export const PHOTO_SUBJECTS = Object.keys(SCENES);

/**
 * The one place the sandbox gets a citizen's photo (JPEG bytes) for a subject and a variant number,
 * for the live scenes and the demo history alike: generated street scenes (libs/sandbox/src/photos).
 */
export function sandboxPhoto(subject: PhotoSubject, variant: number): Buffer {
  const kinds = SCENES[subject] ?? SCENES['yol-cukur'];
  return scenePhoto(kinds[variant % kinds.length], variant).bytes;
}
