import type { Provider } from '@nestjs/common';
import { MetaGraphClient } from '@civic/channels-meta';
import { InstagramAdapter } from './instagram.adapter';

/** What a module needs to provide the Instagram adapter (AppConfig must be available, e.g. from ConfigModule). */
export const INSTAGRAM_ADAPTER_PROVIDERS: Provider[] = [MetaGraphClient, InstagramAdapter];
