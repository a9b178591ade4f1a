import type { Channel } from './types';

/** Each channel once, in the screens' order; a channel the API gains fails to compile here until listed. */
const LISTED: Record<Channel, true> = { whatsapp: true, facebook: true, instagram: true, twitter: true };

/** Every channel of the API, in the order every filter and choice lists them (keys keep their written order). */
export const CHANNELS: readonly Channel[] = Object.keys(LISTED) as Channel[];
