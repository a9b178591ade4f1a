import * as http from 'node:http';
import { Injectable } from '@nestjs/common';
import { TwitterApi } from 'twitter-api-v2';
import { ChannelAccountContext, ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { TwitterBaseUrlPlugin } from './twitter-base-url.plugin';

const DEFAULT_API_URL = 'https://api.x.com';

/** Builds user-context (OAuth 1.0a) twitter-api-v2 clients for connected accounts. */
@Injectable()
export class TwitterClientFactory {
  private readonly plugin: TwitterBaseUrlPlugin | null;
  /** The library speaks https by default; a plain-http API root (a loopback fake) needs an http agent. */
  private readonly httpAgent: http.Agent | undefined;

  constructor(private readonly config: AppConfig) {
    const apiUrl = new URL(config.env.TWITTER_API_URL ?? DEFAULT_API_URL);
    this.plugin =
      apiUrl.origin === DEFAULT_API_URL && apiUrl.pathname === '/' ? null : new TwitterBaseUrlPlugin(apiUrl.toString());
    this.httpAgent = apiUrl.protocol === 'http:' ? new http.Agent() : undefined;
  }

  /** The app's consumer secret (webhook CRC and signatures). */
  get consumerSecret(): string | undefined {
    return this.config.env.TWITTER_CONSUMER_SECRET;
  }

  forAccount(account: ChannelAccountContext): TwitterApi {
    const appKey = this.config.env.TWITTER_CONSUMER_KEY;
    const appSecret = this.config.env.TWITTER_CONSUMER_SECRET;
    if (!appKey || !appSecret) {
      throw new ChannelError(ChannelErrorKind.Fatal, {
        code: 'app_not_configured',
        title: 'TWITTER_CONSUMER_KEY and TWITTER_CONSUMER_SECRET are not set',
      });
    }
    const { accessToken, accessSecret } = account.credentials;
    if (!accessToken || !accessSecret) {
      throw new ChannelError(ChannelErrorKind.Reauthorize, {
        code: 'missing_credentials',
        title: 'The X account has no user access token/secret; reconnect it',
      });
    }
    return new TwitterApi(
      { appKey, appSecret, accessToken, accessSecret },
      { plugins: this.plugin ? [this.plugin] : [], ...(this.httpAgent ? { httpAgent: this.httpAgent } : {}) },
    );
  }
}
