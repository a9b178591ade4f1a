import { Injectable } from '@nestjs/common';
import { Environment, validateEnvironment } from './environment';

/** Typed, validated configuration. Read once at boot; tests construct it from an object. */
@Injectable()
export class AppConfig {
  readonly env: Environment;

  constructor(raw: Record<string, unknown> = process.env) {
    this.env = validateEnvironment(raw);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** Readable lines in development unless LOG_FORMAT says otherwise; JSON everywhere else. */
  get logFormat(): 'json' | 'pretty' {
    return this.env.LOG_FORMAT ?? (this.env.NODE_ENV === 'development' ? 'pretty' : 'json');
  }

  get mediaDir(): string {
    return this.env.MEDIA_DIR ?? `${this.env.DATA_DIR}/media`;
  }

  /** Sandbox is on by default only when no real channel credentials are configured. */
  get sandboxEnabled(): boolean {
    if (this.env.SANDBOX !== undefined) {
      return this.env.SANDBOX;
    }
    return !this.env.META_APP_SECRET && !this.env.TWITTER_CONSUMER_KEY;
  }

  /** The case map's tiles: OpenStreetMap's unless MAP_TILE_URL names another server. */
  get mapTileUrl(): string {
    return this.env.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  }

  /** The tile server's origin for the Content-Security-Policy (`{s}` subdomains as a wildcard). */
  get mapTileOrigin(): string {
    const origin = /^https?:\/\/[^/]+/.exec(this.mapTileUrl)![0];
    return origin.replace('{s}', '*');
  }

  /** MAP_TILE_ATTRIBUTION, or null: OpenStreetMap's attribution then, in the reader's language (the web's catalogue). */
  get mapTileAttribution(): string | null {
    return this.env.MAP_TILE_ATTRIBUTION ?? null;
  }
}
