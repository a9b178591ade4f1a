import type { Provider } from '@nestjs/common';
import { MetaGraphClient } from '@civic/channels-meta';
import { FacebookAdapter } from './facebook.adapter';

/** What a module needs to provide the Facebook adapter (AppConfig must be available, e.g. from ConfigModule). */
export const FACEBOOK_ADAPTER_PROVIDERS: Provider[] = [MetaGraphClient, FacebookAdapter];
