import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';

/** The one error shape of every endpoint. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Readable sentence(s); validation messages joined with "; ". */
  message: string;
  /** Machine-readable extras: `errors` (validation messages), `retryAfterSeconds`, a refusal `reason`… */
  details: Record<string, unknown> | null;
}

const GENERIC_MESSAGE = 'Beklenmeyen bir hata oluştu / An unexpected error occurred';

/**
 * An error answer names the first few problems only: a body of thousands of bad keys once got a
 * 1.8 MB answer, and a message may quote a hostile key or value of any length.
 */
export const MAX_ERRORS_ANSWERED = 20;
export const MAX_ERROR_MESSAGE_LENGTH = 300;

/**
 * Turns every thrown value into {statusCode, error, message, details}. Unknown errors become a
 * generic 500 (logged here with the stack, never sent to the client); body-parser and other
 * HTTP-aware errors (413, invalid JSON) keep their 4xx status.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception instanceof Error ? { type: exception.name, message: exception.message, stack: exception.stack } : { value: String(exception) }, method: request?.method, path: request?.path },
        'Request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = statusOfLibraryError(exception);
    if (status !== null) {
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: messageOfLibraryError(status), details: null };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: GENERIC_MESSAGE, details: null };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  const raw = exception.getResponse();
  if (statusCode >= 500) {
    // Even deliberate 5xx (503 not ready) say only what their author wrote, never a stack.
    const message = typeof raw === 'string' ? raw : typeof (raw as { message?: unknown }).message === 'string' ? (raw as { message: string }).message : error;
    return { statusCode, error, message, details: typeof raw === 'object' ? extrasOf(raw as Record<string, unknown>) : null };
  }
  if (typeof raw === 'string') return { statusCode, error, message: raw, details: null };
  const { message, details } = raw as { message?: unknown; details?: unknown };
  const extras = extrasOf(raw as Record<string, unknown>);
  const errors = Array.isArray(message) ? message.slice(0, MAX_ERRORS_ANSWERED).map((m) => shortened(String(m))) : null;
  const omitted = Array.isArray(message) && message.length > MAX_ERRORS_ANSWERED ? { errorsOmitted: message.length - MAX_ERRORS_ANSWERED } : {};
  const merged = { ...(errors ? { errors, ...omitted } : {}), ...(isRecord(details) ? details : {}), ...(extras ?? {}) };
  return {
    statusCode,
    error: typeof (raw as { error?: unknown }).error === 'string' ? (raw as { error: string }).error : error,
    message: errors ? errors.join('; ') : typeof message === 'string' ? shortened(message, MAX_ERROR_MESSAGE_LENGTH * 4) : error,
    details: Object.keys(merged).length > 0 ? merged : null,
  };
}

function shortened(text: string, limit = MAX_ERROR_MESSAGE_LENGTH): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** Keys an exception carried besides the four of the shape (e.g. a refused reply's `reason`). */
function extrasOf(raw: Record<string, unknown>): Record<string, unknown> | null {
  const extras = Object.fromEntries(Object.entries(raw).filter(([key]) => !['statusCode', 'error', 'message', 'details'].includes(key)));
  return Object.keys(extras).length > 0 ? extras : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** body-parser and friends attach a 4xx `status` (payload too large, malformed JSON, bad charset). */
function statusOfLibraryError(exception: unknown): number | null {
  if (!isRecord(exception)) return null;
  const status = exception.status ?? exception.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function messageOfLibraryError(status: number): string {
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return 'İstek gövdesi çok büyük / Request body too large';
  return 'İstek okunamadı / The request could not be read';
}
