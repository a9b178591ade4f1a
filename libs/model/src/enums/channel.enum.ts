/** The social channels civic-inbox speaks. Adding one means one adapter folder and one registry line. */
export enum Channel {
  Facebook = 'facebook',
  Instagram = 'instagram',
  Twitter = 'twitter',
  WhatsApp = 'whatsapp',
}

export const CHANNELS: readonly Channel[] = Object.values(Channel);
