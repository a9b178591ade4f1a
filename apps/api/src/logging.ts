import { Params } from 'nestjs-pino';
import { AppConfig } from '@civic/config';

/** Structured JSON logs; secrets and tokens are never written. */
export function pinoOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-hub-signature-256"]', 'req.query.access_token', '*.credentials', '*.password'],
        censor: '[redacted]',
      },
      customProps: () => ({ service: 'civic-inbox' }),
    },
  };
}
