import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DomainError,
  ErrorCode,
  ErrorDetails,
  ErrorLanguage,
  errorLanguageOf,
  errorMessage,
  errorStatus,
} from '@civic/errors';

/** The one error shape of every endpoint (docs/api-errors.md). */
export interface ErrorBody {
  statusCode: number;
  /** Stable machine-readable code from ErrorCode. */
  code: ErrorCode;
  /** The HTTP reason phrase. */
  error: string;
  /** The catalogue's sentence in the language Accept-Language prefers (Turkish by default). */
  message: string;
  /** Machine-readable extras: `errors` (validation messages), `retryAfterSeconds`, a refusal `reason`… */
  details: Record<string, unknown> | null;
}

/**
 * An error answer names the first few problems only: a body of thousands of bad keys once got a
 * 1.8 MB answer, and a message may quote a hostile key or value of any length.
 */
export const MAX_ERRORS_ANSWERED = 20;
export const MAX_ERROR_MESSAGE_LENGTH = 300;

/** Codes for refusals nobody in this code base coded: the framework's, body-parser's. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.RequestUnreadable,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  405: ErrorCode.MethodNotAllowed,
  406: ErrorCode.NotAcceptable,
  409: ErrorCode.Conflict,
  413: ErrorCode.RequestTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.Unprocessable,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * Turns every thrown value into {statusCode, code, error, message, details}: DomainErrors through
 * the error catalogue, framework errors by their status. Unknown errors become a generic 500
 * (logged here with the stack, never sent to the client).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception, request?.headers?.['accept-language']);
    if (body.statusCode >= 500) {
      this.logger.error(
        {
          err:
            exception instanceof Error
              ? { type: exception.name, message: exception.message, stack: exception.stack }
              : { value: String(exception) },
          method: request?.method,
          path: request?.path,
        },
        'Request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, acceptLanguage?: string | string[]): ErrorBody {
    const language = errorLanguageOf(acceptLanguage);
    if (exception instanceof DomainError) {
      return coded(exception.code, language, exception.details);
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception, language);
    }
    const status = statusOfLibraryError(exception);
    if (status !== null) {
      return coded(CODE_OF_STATUS[status] ?? ErrorCode.RequestUnreadable, language, null, status);
    }
    return coded(ErrorCode.Internal, language, null);
  }
}

function coded(
  code: ErrorCode,
  language: ErrorLanguage,
  details: ErrorDetails | null,
  status = errorStatus(code),
): ErrorBody {
  const answered = code === ErrorCode.ValidationFailed ? cappedErrors(details) : details;
  const message = shortened(errorMessage(code, language, answered), MAX_ERROR_MESSAGE_LENGTH * 4);
  const hasDetails = answered !== null && Object.keys(answered).length > 0;
  return {
    statusCode: status,
    code,
    error: STATUS_CODES[status] ?? 'Error',
    message,
    details: hasDetails ? answered : null,
  };
}

/** Nest's own exceptions: ValidationPipe's field list, pipes' 400s, unknown routes, guards. */
function fromHttpException(exception: HttpException, language: ErrorLanguage): ErrorBody {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const record = isRecord(raw) ? raw : {};
  const extras = extrasOf(record);
  if (statusCode === HttpStatus.BAD_REQUEST) {
    const message = typeof raw === 'string' ? raw : record.message;
    if (Array.isArray(message)) {
      return coded(ErrorCode.ValidationFailed, language, { errors: message.map(String), ...(extras ?? {}) });
    }
    // Pipes (ParseUUIDPipe…) say "Validation failed (…)"; Nest maps malformed JSON or URIs to a plain 400.
    if (typeof message === 'string' && message.startsWith('Validation failed')) {
      return coded(ErrorCode.ValidationFailed, language, { errors: [message] });
    }
    if (typeof message === 'string') {
      return coded(ErrorCode.RequestUnreadable, language, { problem: shortened(message) });
    }
  }
  const code = CODE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? ErrorCode.Internal : ErrorCode.RequestFailed);
  return coded(code, language, extras, statusCode);
}

/** The first MAX_ERRORS_ANSWERED problems, each shortened, and how many were left out. */
function cappedErrors(details: ErrorDetails | null): ErrorDetails | null {
  const errors = details?.errors;
  if (!Array.isArray(errors)) {
    return details;
  }
  const omitted = errors.length > MAX_ERRORS_ANSWERED ? { errorsOmitted: errors.length - MAX_ERRORS_ANSWERED } : {};
  return { ...details, errors: errors.slice(0, MAX_ERRORS_ANSWERED).map((m) => shortened(String(m))), ...omitted };
}

function shortened(text: string, limit = MAX_ERROR_MESSAGE_LENGTH): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** Keys an exception carried besides the four of the shape. */
function extrasOf(raw: Record<string, unknown>): Record<string, unknown> | null {
  const extras = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !['statusCode', 'error', 'message', 'details'].includes(key)),
  );
  const details = isRecord(raw.details) ? raw.details : {};
  const merged = { ...details, ...extras };
  return Object.keys(merged).length > 0 ? merged : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** body-parser and friends attach a 4xx `status` (payload too large, malformed JSON, bad charset). */
function statusOfLibraryError(exception: unknown): number | null {
  if (!isRecord(exception)) {
    return null;
  }
  const status = exception.status ?? exception.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}
