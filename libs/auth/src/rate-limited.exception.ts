import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 in the common error shape, with the seconds to wait (also sent as Retry-After). */
export class RateLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: 'Çok fazla istek; biraz sonra tekrar deneyin / Too many requests; try again shortly',
        details: { retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
