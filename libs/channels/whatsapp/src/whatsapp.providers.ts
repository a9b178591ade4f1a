import type { Provider } from '@nestjs/common';
import { MetaGraphClient } from '@civic/channels-meta';
import { WhatsAppAdapter } from './whatsapp.adapter';

/** What a module needs to provide the WhatsApp adapter (AppConfig must be available, e.g. from ConfigModule). */
export const WHATSAPP_ADAPTER_PROVIDERS: Provider[] = [MetaGraphClient, WhatsAppAdapter];
