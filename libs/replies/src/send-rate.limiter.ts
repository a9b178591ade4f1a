import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelRegistry } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { Channel } from '@civic/domain';

/**
 * Share of the configured rate the slots are spaced for. Slots start exactly 1 / rate apart in the
 * database, but sends reach the channel with timer and network jitter; pacing 10 % under the limit
 * absorbs ~100 ms of bunching, so the channel never counts more than the limit in a second.
 */
export const SEND_RATE_HEADROOM = 0.9;

/** A send slot further away than this is not waited for in-process: the job is put back on the queue for later. */
export const SEND_RATE_MAX_WAIT_SECONDS = 5;

/** The account's next free send slot is too far away; try again at `until` (nothing was reserved). */
export class SendDeferredError extends Error {
  constructor(
    readonly channelAccountId: string,
    readonly until: Date,
  ) {
    super(`Channel account ${channelAccountId} is at its send rate limit until ${until.toISOString()}`);
    this.name = 'SendDeferredError';
  }
}

/** Parses REPLY_SEND_RATE_LIMITS (`whatsapp=80,twitter=0.02`). */
export function parseSendRateLimits(value: string): Map<Channel, number> {
  const rates = new Map<Channel, number>();
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [channel, rate] = pair.split('=').map((p) => p.trim());
    const perSecond = Number(rate);
    if (!Object.values(Channel).includes(channel as Channel) || !(perSecond > 0)) {
      throw new Error(`REPLY_SEND_RATE_LIMITS: "${pair}" must be channel=sends-per-second with a rate above 0`);
    }
    rates.set(channel as Channel, perSecond);
  }
  return rates;
}

/**
 * Per-account send rate limit held across every worker process: the account's pace row in
 * PostgreSQL (GCRA) is moved one interval (1 / rate) forward per send by a single upsert, which
 * row-locks it, so concurrent workers take distinct, evenly spaced slots. A caller whose slot is
 * near sleeps until it; one whose slot would be far gets SendDeferredError and reserves nothing.
 */
@Injectable()
export class SendRateLimiter {
  private readonly channelRates: Map<Channel, number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    config: AppConfig,
  ) {
    this.channelRates = parseSendRateLimits(config.env.REPLY_SEND_RATE_LIMITS);
  }

  /** Sends per second for an account: its own setting, else REPLY_SEND_RATE_LIMITS, else the channel's documented default. */
  rateFor(channel: Channel, accountRate: number | null): number {
    if (accountRate !== null && accountRate > 0) {
      return accountRate;
    }
    return this.channelRates.get(channel) ?? this.registry.get(channel).defaultSendRatePerSecond;
  }

  /** Resolves when the account may send (after waiting for its slot); throws SendDeferredError when the slot is too far away. */
  async acquire(channelAccountId: string, ratePerSecond: number): Promise<void> {
    const { waitSeconds } = await this.reserve(channelAccountId, ratePerSecond);
    if (waitSeconds > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitSeconds * 1000)));
    }
  }

  /**
   * Takes the next slot if it starts within SEND_RATE_MAX_WAIT_SECONDS: its start (database clock)
   * and the seconds to wait for it (≤ 0: send now). Slots are 1 / (rate × SEND_RATE_HEADROOM)
   * apart, so any window of t seconds holds at most ⌈t × 0.9 × rate⌉ slot starts.
   */
  async reserve(channelAccountId: string, ratePerSecond: number): Promise<{ slotAt: Date; waitSeconds: number }> {
    const interval = 1 / (ratePerSecond * SEND_RATE_HEADROOM);
    const [row] = await this.dataSource.query(
      `INSERT INTO channel_send_pace AS p (channel_account_id, next_send_at)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2))
       ON CONFLICT (channel_account_id) DO UPDATE
          SET next_send_at = GREATEST(p.next_send_at, clock_timestamp()) + make_interval(secs => $2)
        WHERE p.next_send_at <= clock_timestamp() + make_interval(secs => $3)
       RETURNING p.next_send_at - make_interval(secs => $2) AS slot_at,
                 extract(epoch FROM p.next_send_at - make_interval(secs => $2) - clock_timestamp())::float8 AS wait_seconds`,
      [channelAccountId, interval, SEND_RATE_MAX_WAIT_SECONDS],
    );
    if (row) {
      return { slotAt: new Date(row.slot_at), waitSeconds: row.wait_seconds };
    }
    const [pace] = await this.dataSource.query(
      `SELECT next_send_at - make_interval(secs => $2) AS until FROM channel_send_pace WHERE channel_account_id = $1`,
      [channelAccountId, SEND_RATE_MAX_WAIT_SECONDS / 2],
    );
    throw new SendDeferredError(
      channelAccountId,
      new Date(Math.max(Date.now() + 1000, new Date(pace?.until ?? Date.now()).getTime())),
    );
  }
}
