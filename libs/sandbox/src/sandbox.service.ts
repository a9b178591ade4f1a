import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SecretsService } from '@civic/auth';
import { describeError } from '@civic/database';
import { Channel, ChannelAccount, Organization } from '@civic/domain';
import { postSignedWebhook } from '@civic/testing';
import { sandboxAvatarPng } from './sandbox-avatars';
import { SANDBOX_IDS, SandboxChannels } from './sandbox-channels';
import { SANDBOX_CITIZENS, sandboxScene } from './sandbox-script';

export const SANDBOX_CHANNELS = Symbol('SANDBOX_CHANNELS');
const TICK_MS = 6000;

/**
 * Connects sandbox accounts (the municipality's and the mayor's) and plays Turkish citizen messages
 * through the real webhook endpoint and the fake X API every few seconds.
 */
@Injectable()
export class SandboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SandboxService.name);
  private timer: NodeJS.Timeout | null = null;
  private scene = 0;

  constructor(
    @Inject(SANDBOX_CHANNELS) private readonly channels: SandboxChannels,
    @InjectRepository(ChannelAccount) private readonly accounts: Repository<ChannelAccount>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly secrets: SecretsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const organization = await this.organizations.findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!organization) {
      return;
    }
    await this.connectAccounts(organization.id);
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
    this.logger.log(
      'Sandbox channels are on: fake Facebook, Instagram, WhatsApp and X accounts send messages every few seconds',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.channels.stop();
  }

  private async connectAccounts(organizationId: string): Promise<void> {
    const wanted = [
      {
        channel: Channel.Facebook,
        externalId: SANDBOX_IDS.facebookPage,
        name: 'Örnek Belediyesi',
        handle: 'OrnekBelediye',
        ownerLabel: 'Belediye',
        credentials: { pageAccessToken: 'sandbox-page-token' },
      },
      {
        channel: Channel.Facebook,
        externalId: SANDBOX_IDS.mayorPage,
        name: 'Başkan Ahmet Kılıç',
        handle: 'BaskanKilic',
        ownerLabel: 'Başkan',
        credentials: { pageAccessToken: 'sandbox-mayor-token' },
      },
      {
        channel: Channel.Instagram,
        externalId: SANDBOX_IDS.instagram,
        name: 'Örnek Belediyesi',
        handle: 'ornekbelediye',
        ownerLabel: 'Belediye',
        credentials: { accessToken: 'sandbox-ig-token' },
      },
      {
        channel: Channel.WhatsApp,
        externalId: SANDBOX_IDS.whatsappPhone,
        name: 'Beyaz Masa WhatsApp',
        handle: '+90 352 222 00 00',
        ownerLabel: 'Belediye',
        credentials: { accessToken: 'sandbox-wa-token' },
      },
      {
        channel: Channel.Twitter,
        externalId: SANDBOX_IDS.twitterUser,
        name: 'Örnek Belediyesi',
        handle: 'OrnekBelediye',
        ownerLabel: 'Belediye',
        credentials: { accessToken: `${SANDBOX_IDS.twitterUser}-sandbox-token`, accessSecret: 'sandbox-token-secret' },
      },
    ];
    for (const account of wanted) {
      const existing = await this.accounts.findOne({
        where: { channel: account.channel, externalId: account.externalId },
      });
      if (existing) {
        continue;
      }
      const { credentials, ...rest } = account;
      await this.accounts.save({
        ...rest,
        organizationId,
        sandbox: true,
        pollIntervalSeconds: 30,
        credentialsEncrypted: this.secrets.cipher.encrypt(credentials),
      });
    }
  }

  private async tick(): Promise<void> {
    const scene = sandboxScene(this.scene++);
    try {
      if (scene.kind === 'tweet') {
        this.channels.twitter.addUser({ id: scene.authorId, name: scene.authorName, username: scene.username });
        this.channels.twitter.addTweet({
          text: scene.text,
          author_id: scene.authorId,
          in_reply_to_user_id: SANDBOX_IDS.twitterUser,
        });
        return;
      }
      if (scene.media) {
        this.channels.graph.addMedia(scene.media.id, { bytes: scene.media.bytes, mimeType: scene.media.mimeType });
      }
      const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | null;
      if (!address) {
        return;
      }
      const result = await postSignedWebhook(
        `http://127.0.0.1:${address.port}/webhooks/meta`,
        scene.body,
        SANDBOX_IDS.appSecret,
      );
      if (result.status !== 200) {
        this.logger.warn(`Sandbox webhook answered ${result.status}: ${result.body.slice(0, 200)}`);
      }
    } catch (error) {
      this.logger.warn(`Sandbox tick failed: ${describeError(error)}`);
    }
  }
}
