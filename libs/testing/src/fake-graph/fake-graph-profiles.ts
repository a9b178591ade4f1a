import type { FakeMediaFile } from './fake-graph.types';

/** A person as Messenger's or Instagram's profile API describes them. */
export interface FakeProfile {
  first_name?: string;
  last_name?: string;
  name?: string;
  username?: string;
  /** Served at the `profile_pic` URL (a signed CDN link on the real API: no token needed). */
  picture?: FakeMediaFile;
}

const PICTURE_PATH = /^\/profile-pic\/([^/]+)$/;

/**
 * Profiles behind `GET /{PSID or IGSID}?fields=...` (only the requested fields, `profile_pic` as a URL)
 * and their pictures' bytes, for the fake Graph API.
 */
export class FakeGraphProfiles {
  private readonly profiles = new Map<string, FakeProfile>();

  add(userId: string, profile: FakeProfile): void {
    this.profiles.set(userId, profile);
  }

  clear(): void {
    this.profiles.clear();
  }

  has(userId: string): boolean {
    return this.profiles.has(userId);
  }

  /** The profile projected on `fields`, or null for an unknown id. */
  read(userId: string, fields: string, baseUrl: string): Record<string, string> | null {
    const profile = this.profiles.get(userId);
    if (!profile) {
      return null;
    }
    const out: Record<string, string> = { id: userId };
    for (const field of fields.split(',').map((f) => f.trim())) {
      if (field === 'profile_pic') {
        if (profile.picture) {
          out.profile_pic = `${baseUrl}/profile-pic/${encodeURIComponent(userId)}?oh=fake-signature`;
        }
      } else if (field !== 'picture' && typeof profile[field as keyof FakeProfile] === 'string') {
        out[field] = profile[field as keyof FakeProfile] as string;
      }
    }
    return out;
  }

  /** The picture for a `/profile-pic/<id>` path; undefined when the path is not one. */
  picture(path: string): FakeMediaFile | null | undefined {
    const match = PICTURE_PATH.exec(path);
    if (!match) {
      return undefined;
    }
    return this.profiles.get(decodeURIComponent(match[1]))?.picture ?? null;
  }
}
