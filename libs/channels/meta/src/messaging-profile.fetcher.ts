import type { ContactProfile } from '@civic/channels-core';
import type { MetaGraphClient } from './graph-api.client';

/** Messenger's User Profile API and Instagram's: which fields each one names a person with. */
const PROFILE_FIELDS = {
  messenger: 'first_name,last_name,profile_pic',
  instagram: 'name,username,profile_pic',
} as const;

interface GraphProfile {
  first_name?: string;
  last_name?: string;
  name?: string;
  username?: string;
  profile_pic?: string;
}

/** A picture larger than this is not kept (an avatar is a few kilobytes). */
const MAX_PICTURE_BYTES = 2 * 1024 * 1024;

/**
 * `GET /{PSID or IGSID}?fields=…` with the account's token, and the picture's bytes right away: the
 * `profile_pic` URL is a signed CDN link that expires, so it is stored, never linked to. A picture
 * that cannot be fetched leaves the name (the part officers need); a failed profile call throws the
 * classified ChannelError.
 */
export async function fetchMessagingProfile(
  graph: MetaGraphClient,
  token: string,
  userId: string,
  platform: keyof typeof PROFILE_FIELDS,
): Promise<ContactProfile> {
  const profile = await graph.get<GraphProfile>(`/${encodeURIComponent(userId)}`, token, {
    fields: PROFILE_FIELDS[platform],
  });
  const fullName = [profile.first_name, profile.last_name].filter((part) => part?.trim()).join(' ');
  let picture: ContactProfile['picture'] = null;
  if (profile.profile_pic) {
    // The CDN URL is signed on its own: our token must not travel to it.
    picture = await graph.download(profile.profile_pic, null).catch(() => null);
    if (picture && picture.data.length > MAX_PICTURE_BYTES) {
      picture = null;
    }
  }
  return {
    name: profile.name?.trim() || fullName || null,
    handle: profile.username ?? null,
    picture,
  };
}
