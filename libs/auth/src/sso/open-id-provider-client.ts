import { Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { sha256Hex } from '../token-hash';
import { importEsm } from './esm-import';

const DISCOVERY_TTL_MS = 10 * 60_000;

/** openid-client (ESM-only) loaded once, and each provider's discovered configuration cached for ten minutes. */
@Injectable()
export class OpenIdProviderClient {
  private library: Promise<typeof OpenIdClient> | null = null;
  private readonly discovered = new Map<string, { config: Promise<OpenIdClient.Configuration>; expiresAt: number }>();

  lib(): Promise<typeof OpenIdClient> {
    this.library ??= importEsm<typeof OpenIdClient>('openid-client');
    return this.library;
  }

  async configuration(issuerUrl: string, clientId: string, clientSecret: string): Promise<OpenIdClient.Configuration> {
    const key = `${issuerUrl}|${clientId}|${sha256Hex(clientSecret)}`;
    const cached = this.discovered.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.config;
    }
    const client = await this.lib();
    const issuer = new URL(issuerUrl);
    // Plain http is accepted by the settings for loopback issuers only.
    const insecure = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    const config = client.discovery(issuer, clientId, undefined, client.ClientSecretPost(clientSecret), {
      ...insecure,
      timeout: 10,
    });
    this.discovered.set(key, { config, expiresAt: Date.now() + DISCOVERY_TTL_MS });
    config.catch(() => this.discovered.delete(key));
    return config;
  }
}
