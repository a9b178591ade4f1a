import type { Provider } from '@nestjs/common';
import { TwitterClientFactory } from './twitter-client.factory';
import { TwitterAdapter } from './twitter.adapter';

/** What a module needs to provide the X adapter (AppConfig must be available, e.g. from ConfigModule). */
export const TWITTER_ADAPTER_PROVIDERS: Provider[] = [TwitterClientFactory, TwitterAdapter];
