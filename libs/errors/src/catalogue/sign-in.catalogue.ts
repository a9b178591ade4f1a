import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Sign-in, sessions, tokens, second factors, single sign-on. */
export const SIGN_IN_ERRORS: CatalogueEntries = {
  [ErrorCode.TokenMissing]: {
    status: 401,
    tr: 'Giriş gerekli: bearer anahtarı yok',
    en: 'Sign in required: missing bearer token',
  },
  [ErrorCode.TokenInvalid]: { status: 401, tr: 'Anahtar geçersiz veya süresi dolmuş', en: 'Invalid or expired token' },
  [ErrorCode.RoleRequired]: {
    status: 403,
    tr: 'Bu işlem şu rollerden birini gerektirir: {roles}',
    en: 'This action needs one of the roles: {roles}',
  },
  [ErrorCode.WrongCredentials]: { status: 401, tr: 'E-posta veya parola hatalı', en: 'Wrong e-mail or password' },
  [ErrorCode.LoginLocked]: {
    status: 429,
    tr: 'Çok fazla hatalı giriş; {retryAfterMinutes} dakika sonra tekrar deneyin',
    en: 'Too many failed sign-ins; try again in {retryAfterMinutes} minutes',
  },
  [ErrorCode.PasswordSignInDisabled]: {
    status: 403,
    tr: 'Bu kurumda parola ile giriş kapalı; "Kurum hesabıyla giriş yap" ile girin',
    en: 'Password sign-in is switched off for this organization; sign in with single sign-on (SSO)',
  },
  [ErrorCode.SessionNotFound]: { status: 404, tr: 'Oturum bulunamadı', en: 'Session not found' },
  [ErrorCode.ApiTokenCannotCreateTokens]: {
    status: 403,
    tr: 'API anahtarları API anahtarı oluşturamaz; kişi olarak giriş yapın',
    en: 'API tokens cannot create API tokens; sign in as a person',
  },
  [ErrorCode.ApiTokenRolesNotHeld]: {
    status: 403,
    tr: 'Sahip olmadığınız rolleri veremezsiniz: {roles}',
    en: 'You cannot grant roles you do not have: {roles}',
  },
  [ErrorCode.ApiTokenExpiryInPast]: {
    status: 422,
    tr: 'expiresAt gelecekte olmalı',
    en: 'expiresAt must be in the future',
  },
  [ErrorCode.ApiTokenNotFound]: { status: 404, tr: 'API anahtarı {id} bulunamadı', en: 'API token {id} not found' },
  [ErrorCode.ApiTokenCannotChangeTwoFactor]: {
    status: 403,
    tr: 'API anahtarları iki adımlı doğrulamayı değiştiremez',
    en: 'API tokens cannot change two-factor settings',
  },
  [ErrorCode.ApiTokenCannotChangePasskeys]: {
    status: 403,
    tr: 'API anahtarları geçiş anahtarlarını değiştiremez',
    en: 'API tokens cannot change passkeys',
  },
  [ErrorCode.ApiTokenCannotChangeProfile]: {
    status: 403,
    tr: 'API anahtarları oluşturanlarının profilini değiştiremez',
    en: 'API tokens cannot change the profile of their creator',
  },
  [ErrorCode.TwoFactorEnrolmentRequired]: {
    status: 403,
    tr: 'Kurumunuz iki adımlı doğrulama istiyor; önce Güvenlik ekranından etkinleştirin',
    en: 'Your organization requires two-factor sign-in; enable it on the Security screen first',
  },
  [ErrorCode.TwoFactorWrongCode]: { status: 401, tr: 'Doğrulama kodu hatalı', en: 'Wrong verification code' },
  [ErrorCode.TwoFactorAlreadyEnabled]: {
    status: 409,
    tr: 'İki adımlı doğrulama zaten açık',
    en: 'Two-factor is already enabled',
  },
  [ErrorCode.TwoFactorSetupNotStarted]: { status: 404, tr: 'Önce kurulumu başlatın', en: 'Start the setup first' },
  [ErrorCode.TwoFactorNotEnabled]: { status: 404, tr: 'İki adımlı doğrulama kapalı', en: 'Two-factor is not enabled' },
  [ErrorCode.TwoFactorWrongPasswordOrCode]: { status: 401, tr: 'Parola veya kod hatalı', en: 'Wrong password or code' },
  [ErrorCode.TwoFactorEnableOwnFirst]: {
    status: 409,
    tr: 'Önce kendi hesabınızda iki adımlı doğrulamayı açın',
    en: 'Enable two-factor on your own account first',
  },
  [ErrorCode.TwoFactorRequiredByPolicy]: {
    status: 409,
    tr: 'Kurumunuz rolünüz için iki adımlı doğrulamayı zorunlu tutuyor',
    en: 'Your organization requires two-factor for your role',
  },
  [ErrorCode.TwoFactorLastMethod]: {
    status: 409,
    tr: 'Kurumunuz rolünüz için iki adımlı doğrulamayı zorunlu tutuyor; son doğrulama yönteminizi silemezsiniz',
    en: 'Your organization requires two-factor for your role; you cannot remove your last second factor',
  },
  [ErrorCode.PasskeyNone]: { status: 400, tr: 'Bu hesapta geçiş anahtarı yok', en: 'This account has no passkey' },
  [ErrorCode.PasskeyNotFound]: { status: 404, tr: 'Geçiş anahtarı bulunamadı', en: 'Passkey not found' },
  [ErrorCode.PasskeyNotVerified]: {
    status: 401,
    tr: 'Geçiş anahtarı doğrulanamadı',
    en: 'The passkey could not be verified',
  },
  [ErrorCode.PasskeyRegistrationRefused]: {
    status: 400,
    tr: 'Geçiş anahtarı doğrulanamadı: {reason}',
    en: 'The passkey could not be verified: {reason}',
  },
  [ErrorCode.PasskeyAlreadyRegistered]: {
    status: 409,
    tr: 'Bu geçiş anahtarı zaten kayıtlı',
    en: 'This passkey is already registered',
  },
  [ErrorCode.SignInStepExpired]: {
    status: 401,
    tr: 'Doğrulama adımının süresi doldu, tekrar giriş yapın',
    en: 'The sign-in step expired, sign in again',
  },
  [ErrorCode.SessionExpired]: {
    status: 401,
    tr: 'Oturum süresi doldu, tekrar giriş yapın',
    en: 'Session expired, sign in again',
  },
  [ErrorCode.SsoNotConfigured]: {
    status: 404,
    tr: 'Bu kurum için tek oturum açma yapılandırılmamış',
    en: 'Single sign-on is not configured for this organization',
  },
  [ErrorCode.SsoSettingsInvalid]: {
    status: 422,
    tr: 'Tek oturum açma ayarı eksik veya hatalı: {problems}',
    en: 'Single sign-on settings are missing or wrong: {problems}',
  },
  [ErrorCode.SsoCodeInvalid]: {
    status: 401,
    tr: 'Giriş kodu geçersiz veya süresi dolmuş; tekrar giriş yapın',
    en: 'The sign-in code is invalid or expired; sign in again',
  },
};
