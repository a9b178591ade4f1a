import type { DataSource } from 'typeorm';
import type { ChannelAdapter } from '@civic/channels-core';
import { ChannelRegistry } from '@civic/channels-core';
import type { AppConfig } from '@civic/config';
import { Channel } from '@civic/domain';
import { parseSendRateLimits, SendRateLimiter } from './send-rate.limiter';

const adapter = (channel: Channel, defaultSendRatePerSecond: number) =>
  ({ channel, webhookObjects: [], defaultSendRatePerSecond }) as unknown as ChannelAdapter;
const registry = new ChannelRegistry([adapter(Channel.WhatsApp, 80), adapter(Channel.Twitter, 200 / 900)]);
const limiter = (limits: string) =>
  new SendRateLimiter({} as DataSource, registry, { env: { REPLY_SEND_RATE_LIMITS: limits } } as AppConfig);

describe('send rate limits', () => {
  it('parses channel=rate pairs and refuses unknown channels and rates of 0', () => {
    expect([...parseSendRateLimits(' whatsapp = 60 , twitter=0.02 ')]).toEqual([
      [Channel.WhatsApp, 60],
      [Channel.Twitter, 0.02],
    ]);
    expect(parseSendRateLimits('').size).toBe(0);
    expect(() => parseSendRateLimits('myspace=5')).toThrow('myspace=5');
    expect(() => parseSendRateLimits('whatsapp=0')).toThrow('above 0');
  });

  it("takes the account's own rate, else the configured channel rate, else the channel's documented default", () => {
    expect(limiter('whatsapp=60').rateFor(Channel.WhatsApp, 25)).toBe(25);
    expect(limiter('whatsapp=60').rateFor(Channel.WhatsApp, null)).toBe(60);
    expect(limiter('whatsapp=60').rateFor(Channel.Twitter, null)).toBeCloseTo(2 / 9);
    expect(limiter('').rateFor(Channel.WhatsApp, null)).toBe(80);
  });
});
