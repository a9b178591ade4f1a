import type { Repository } from 'typeorm';
import type { SecretsService } from '@civic/auth';
import type { ChannelAccount } from '@civic/domain';
import { Channel } from '@civic/domain';
import { SANDBOX_IDS } from './sandbox-channels';

/** The sandbox's accounts (the municipality's and the mayor's), connected once per database. */
export class SandboxAccounts {
  constructor(
    private readonly accounts: Repository<ChannelAccount>,
    private readonly secrets: SecretsService,
  ) {}

  async connect(organizationId: string): Promise<void> {
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
}
