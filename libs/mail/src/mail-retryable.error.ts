/** The mail server refused for now (SMTP 4xx) or could not be reached: worth another attempt later. */
export class MailRetryableError extends Error {}
