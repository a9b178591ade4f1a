import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';

/** One GeoReport v2 error: the HTTP status and a sentence naming the problem. */
export interface GeoReportError {
  code: number;
  description: string;
}

/**
 * Errors of the Open311 write route in the GeoReport v2 format, `[{"code": 400, "description": "..."}]`,
 * with the same HTTP status. The codes and wording come from the error catalogue (in English, the
 * standard's language); a validation failure lists the fields, each named.
 */
@Catch()
export class GeoReportErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311Errors');
  private readonly errors = new AllExceptionsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.errors.toBody(exception, 'en');
    if (body.statusCode >= 500) {
      this.logger.error(
        {
          err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : String(exception),
        },
        'Open311 request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    const problems = Array.isArray(body.details?.errors) ? (body.details.errors as unknown[]).map(String) : [];
    const answer: GeoReportError[] = problems.length
      ? problems.map((description) => ({ code: body.statusCode, description }))
      : [{ code: body.statusCode, description: body.message }];
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') {
      response.setHeader('Retry-After', String(retryAfter));
    }
    response.status(body.statusCode).json(answer);
  }
}
