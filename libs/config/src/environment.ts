import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable civic-inbox reads, validated at boot. `.env.example` documents them;
 * a wrong value stops the boot with the variable's name.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Public base URL (for webhook URLs and media links shown in the README and API). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX = 10;

  /** Where the embedded PostgreSQL and local files live when DATABASE_URL is not set. */
  @IsString()
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEDIA_DIR?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * `pretty`: one readable line per log entry and per request (the default in development);
   * `json`: one JSON object per line for log collectors (the default otherwise).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Run the worker (polling, reply dispatch, media download) inside the api process. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  RUN_WORKER_IN_API?: boolean;

  /** 32 bytes, base64 or hex: encrypts channel credentials at rest. Comma-separated list for rotation (first encrypts). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ENCRYPTION_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Name of the organization created at first start. */
  @IsString()
  @MinLength(2)
  ORGANIZATION_NAME = 'Örnek Belediyesi';

  /**
   * When a webhook delivery is answered: `flushed` (default) once its row is committed and on
   * disk; `committed` once committed, with PostgreSQL's WAL flushed within ~0.6 s
   * (synchronous_commit off for those inserts only). `committed` spares each answer the disk
   * flush (see bench/README.md for what that gave here); a database or machine crash can then
   * lose the last fraction of a second of answered deliveries, which Meta does not send again.
   */
  @IsIn(['flushed', 'committed'])
  WEBHOOK_ACK = 'flushed';

  /**
   * Days a webhook delivery set aside after its last failed ingest is kept for an operator to read
   * (`last_error` in table webhook_inbox); it holds citizens' words, so the worker's retention run
   * deletes it afterwards.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_SET_ASIDE_DAYS = 30;

  /**
   * Hours an edit, deletion or delivery status is kept waiting for its message (which channels and
   * parallel drainers may deliver later) before it is dropped as unknown_message.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  DEFERRED_UPDATE_HOURS = 24;

  /**
   * SMTP server that sends civic-inbox's e-mail (cases forwarded to external bodies, mention alerts):
   * `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. Unset: e-mail is only
   * written to the outbox tables, for a person or a mail relay to send.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of that e-mail, e.g. `Bornova Belediyesi <basvuru@bornova.bel.tr>`; required with SMTP_URL. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.SMTP_URL !== undefined)
  @IsString({ message: 'MAIL_FROM is required when SMTP_URL is set' })
  MAIL_FROM?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  META_APP_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  META_VERIFY_TOKEN?: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  META_GRAPH_URL = 'https://graph.facebook.com';

  @Matches(/^v\d+\.\d+$/, { message: 'META_GRAPH_VERSION must look like v25.0' })
  META_GRAPH_VERSION = 'v25.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TWITTER_CONSUMER_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TWITTER_CONSUMER_SECRET?: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  TWITTER_API_URL = 'https://api.x.com';

  /** First retry delay of a reply that failed with a retryable channel error; doubles on each retry (exponential backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  REPLY_RETRY_DELAY_SECONDS = 5;

  /** Reply jobs a worker fetches at once (a smaller batch spreads a burst over more workers). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  REPLY_BATCH_SIZE = 50;

  /**
   * Sends per second per channel account, by channel, over the documented defaults (whatsapp 80,
   * facebook 40, instagram 100, twitter 200 per 15 min): `whatsapp=60,twitter=0.02`. An account's own
   * send_rate_per_second wins. Held across all worker processes; a send over it waits.
   */
  @IsString()
  @Matches(
    /^\s*$|^\s*(facebook|instagram|twitter|whatsapp)\s*=\s*\d+(\.\d+)?\s*(,\s*(facebook|instagram|twitter|whatsapp)\s*=\s*\d+(\.\d+)?\s*)*$/,
    {
      message:
        'REPLY_SEND_RATE_LIMITS must be channel=sends-per-second pairs, comma-separated (whatsapp=80,twitter=0.02)',
    },
  )
  REPLY_SEND_RATE_LIMITS = '';

  /**
   * Seconds a worker process may go without a heartbeat (sent every quarter of it) before a live
   * worker takes over the jobs it had fetched and finds its in-flight sends interrupted.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(600)
  WORKER_LEASE_SECONDS = 20;

  /**
   * Province whose external bodies (water, gas, electricity, transit, …) a new organization starts
   * with: izmir, kayseri, kahramanmaras or erzurum. Empty: generic names ("Su ve Kanalizasyon
   * İdaresi" …); the sandbox demo, a Kayseri municipality, defaults to kayseri.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['izmir', 'kayseri', 'kahramanmaras', 'erzurum'], {
    message: 'CASE_PROVINCE must be one of: izmir, kayseri, kahramanmaras, erzurum',
  })
  CASE_PROVINCE?: string;

  /** Sandbox channels fed by the built-in fakes. Default: on when no channel credentials are configured. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SANDBOX?: boolean;

  /**
   * With the sandbox on, a new (empty) demo database first gets 90 days of generated history:
   * conversations, cases, mentions. Default on; `false` starts the demo empty.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SANDBOX_HISTORY?: boolean;

  /** Requests per minute and client IP allowed on /api/v1/auth/* (sign-in, refresh, logout). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /** Requests per minute allowed on /api/v1/* per signed-in user (or per client IP when public); webhooks and health are exempt. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  API_RATE_LIMIT_PER_MINUTE = 600;

  /** Browser origins allowed to call the API cross-origin, comma-separated (https://panel.belediye.gov.tr). Empty: same origin only. */
  @IsString()
  @Matches(/^\s*$|^\s*https?:\/\/[^,\s]+(\s*,\s*https?:\/\/[^,\s]+)*\s*$/, {
    message: 'CORS_ORIGINS must be comma-separated http(s):// origins',
  })
  CORS_ORIGINS = '';

  /**
   * Passkeys' relying party id: the domain a passkey is bound to. Default: PUBLIC_URL's host name
   * (else the host the browser used). Set a parent domain (belediye.bel.tr) to share passkeys across its subdomains.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
    message: 'WEBAUTHN_RP_ID must be a domain name such as belediye.bel.tr (no scheme, no port)',
  })
  WEBAUTHN_RP_ID?: string;

  /** Seconds between X recent searches of one watchlist (mentions tracking); each run may take several pages. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  MENTIONS_SEARCH_INTERVAL_SECONDS = 300;

  /** Serve Prometheus metrics at GET /metrics (default on); false answers 404. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  METRICS_ENABLED?: boolean;

  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>` (Prometheus `authorization` / `bearer_token`). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * A worker process (`npm run start:worker`) serves its own GET /metrics on this port (on HOST),
   * with the same METRICS_ENABLED and METRICS_TOKEN rules; unset, the worker opens no port.
   */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_METRICS_PORT?: number;

  /**
   * The case map's tile server, `{z}/{x}/{y}` (and optional `{s}`) in the URL. Default:
   * OpenStreetMap's tiles, whose usage policy asks for a real user agent and modest traffic.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, {
    message: 'MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}',
  })
  MAP_TILE_URL?: string;

  /** The attribution the tile server requires, shown on the map (HTML: a link is allowed). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'MAP_TILE_ATTRIBUTION must be at most 500 characters' })
  MAP_TILE_ATTRIBUTION?: string;
}

export class ConfigValidationError extends Error {}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
