import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { SecretsService } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { ChannelAccount, Organization } from '@civic/domain';
import { postSignedWebhook } from '@civic/testing';
import { DemoHistoryService } from './demo-history/demo-history.service';
import { SeededRandom } from './demo-history/seeded-random';
import { LiveLoopScenes } from './live-loop-scenes';
import { LiveSceneMaker } from './live-scenes';
import { SandboxAccounts } from './sandbox-accounts';
import { sandboxAvatarPng } from './sandbox-avatars';
import { SANDBOX_IDS, SandboxChannels } from './sandbox-channels';
import { ensureDemoDirectorateUser } from './sandbox-directorate-user';
import { SandboxReceipts } from './sandbox-receipts';
import { SANDBOX_CITIZENS } from './sandbox-script';

export const SANDBOX_CHANNELS = Symbol('SANDBOX_CHANNELS');
const TICK_MS = 6000;
/** How often replies on sandbox accounts are looked at for delivery and read receipts. */
const RECEIPTS_MS = 1500;
/** How often seeding waits for the case catalogue, seeded by another module's bootstrap. */
const CATALOGUE_WAIT_MS = 1000;
/** The api's own start-up queries (readiness, the worker's first runs) go first. */
const HISTORY_DELAY_MS = 2000;
/** Every this many ticks (about three minutes) a citizen answers the automatic loop: a rating, a status query, DUR. */
const LOOP_EVERY_TICKS = 30;

/**
 * Connects sandbox accounts (the municipality's and the mayor's) and plays Turkish citizen messages
 * through the real webhook endpoint and the fake X API every few seconds.
 */
@Injectable()
export class SandboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SandboxService.name);
  private timer: NodeJS.Timeout | null = null;
  private receiptsTimer: NodeJS.Timeout | null = null;
  private avatars = 0;
  // Seeded from the start time: each run of the demo plays a different sequence.
  private readonly scenes = new LiveSceneMaker(Date.now() >>> 0);
  private receipts: SandboxReceipts | null = null;
  private loopScenes: LiveLoopScenes | null = null;
  private organizationId: string | null = null;
  private ticks = 0;

  constructor(
    @Inject(SANDBOX_CHANNELS) private readonly channels: SandboxChannels,
    @InjectRepository(ChannelAccount) private readonly accounts: Repository<ChannelAccount>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly secrets: SecretsService,
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly history: DemoHistoryService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const organization = await this.organizations.findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!organization) {
      return;
    }
    await new SandboxAccounts(this.accounts, this.secrets).connect(organization.id);
    this.organizationId = organization.id;
    this.loopScenes = new LiveLoopScenes(this.dataSource, (Date.now() >>> 0) + 1);
    // A new demo starts with a past: seeded in the background, so the api is ready at once.
    if (this.config.sandboxEnabled && this.history.enabled) {
      void this.seedHistory(organization.id);
    }
    // fen@belediye.local: Fen İşleri's directorate, to try the müdürlük workspace with the demo password.
    if (this.config.sandboxEnabled && !this.config.isProduction) {
      void this.addDemoDirectorate(organization.id);
    }
    // Messenger names people by PSID only: the fake profile API gives each citizen a name and picture.
    SANDBOX_CITIZENS.forEach((citizen, index) => {
      const [first, ...rest] = citizen.name.split(' ');
      this.channels.graph.profiles.add(`psid-${citizen.phone}`, {
        first_name: first,
        last_name: rest.join(' '),
        picture: { bytes: sandboxAvatarPng(index), mimeType: 'image/png' },
      });
    });
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.receipts = new SandboxReceipts(this.dataSource, new SeededRandom(Date.now() >>> 0));
    this.receiptsTimer = setInterval(() => void this.sendReceipts(), RECEIPTS_MS);
    this.logger.log(
      'Sandbox channels are on: fake Facebook, Instagram, WhatsApp and X accounts send messages every few seconds',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of [this.timer, this.receiptsTimer]) {
      if (timer) {
        clearInterval(timer);
      }
    }
    await this.channels.stop();
  }

  private async seedHistory(organizationId: string): Promise<void> {
    try {
      // After the api listens: /health/ready answers first, the history follows.
      while (!(this.adapterHost.httpAdapter?.getHttpServer() as { listening?: boolean } | undefined)?.listening) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, HISTORY_DELAY_MS));
      for (let attempt = 0; attempt < 10; attempt++) {
        const outcome = await this.history.seed(organizationId);
        if (outcome.seeded || outcome.reason !== 'no_catalog') {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, CATALOGUE_WAIT_MS));
      }
    } catch (error) {
      this.logger.warn(`Demo history was not seeded: ${describeError(error)}`);
    }
  }

  private async addDemoDirectorate(organizationId: string): Promise<void> {
    try {
      for (let attempt = 0; attempt < 30; attempt++) {
        if (await ensureDemoDirectorateUser(this.dataSource, organizationId)) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, CATALOGUE_WAIT_MS));
      }
    } catch (error) {
      this.logger.warn(`The demo directorate user was not added: ${describeError(error)}`);
    }
  }

  private async tick(): Promise<void> {
    try {
      const loop = ++this.ticks % LOOP_EVERY_TICKS === 0 && this.organizationId;
      const scene = (loop ? await this.loopScenes?.next(this.organizationId!) : null) ?? this.scenes.next();
      if (scene.kind === 'tweet') {
        this.channels.twitter.addUser({ id: scene.authorId, name: scene.authorName, username: scene.username });
        this.channels.twitter.addTweet({
          text: scene.text,
          author_id: scene.authorId,
          in_reply_to_user_id: SANDBOX_IDS.twitterUser,
        });
        return;
      }
      if (scene.profile) {
        // Messenger and Instagram name a sender by id only: the fake profile API gives a name and picture.
        this.channels.graph.profiles.add(scene.profile.userId, {
          first_name: scene.profile.first,
          last_name: scene.profile.last,
          name: `${scene.profile.first} ${scene.profile.last}`,
          username: scene.profile.username,
          picture: { bytes: sandboxAvatarPng(this.avatars++), mimeType: 'image/png' },
        });
      }
      if (scene.media) {
        this.channels.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
      }
      await this.post(scene.body);
    } catch (error) {
      this.logger.warn(`Sandbox tick failed: ${describeError(error)}`);
    }
  }

  /** Delivery and read receipts (and a reaction now and then) for the officers' replies. */
  private async sendReceipts(): Promise<void> {
    try {
      for (const body of (await this.receipts?.due()) ?? []) {
        await this.post(body);
      }
    } catch (error) {
      this.logger.warn(`Sandbox receipts failed: ${describeError(error)}`);
    }
  }

  /** Through the real webhook endpoint, signed as Meta signs. */
  private async post(body: unknown): Promise<void> {
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | null;
    if (!address) {
      return;
    }
    const send = () => postSignedWebhook(`http://127.0.0.1:${address.port}/webhooks/meta`, body, SANDBOX_IDS.appSecret);
    // Drawing a photo blocks the event loop for a moment: a keep-alive socket the server closed
    // meanwhile is retried once, as Meta retries (ingest deduplicates on the channel's ids).
    const result = await send().catch(send);
    if (result.status !== 200) {
      this.logger.warn(`Sandbox webhook answered ${result.status}: ${result.body.slice(0, 200)}`);
    }
  }
}
