import { HttpException, HttpStatus } from '@nestjs/common';

/** 403 for a user who must enrol in two-factor before anything else (organization policy). */
export class TwoFactorEnrolmentRequiredException extends HttpException {
  constructor() {
    super(
      {
        statusCode: HttpStatus.FORBIDDEN,
        error: 'Forbidden',
        message: 'Kurumunuz iki adımlı doğrulama istiyor; önce Güvenlik ekranından etkinleştirin / Your organization requires two-factor sign-in; enable it on the Security screen first',
        details: { code: 'two_factor_enrolment_required' },
      },
      HttpStatus.FORBIDDEN,
    );
  }
}
