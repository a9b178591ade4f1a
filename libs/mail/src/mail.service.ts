import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@civic/config';
import { MailRetryableError } from './mail-retryable.error';

export interface MailAttachment {
  filename: string;
  /** A file on disk, streamed into the message. */
  path: string;
  contentType?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Stable per delivery (`<id@civic-inbox>`), so a receiver can drop a copy sent again after a retry. */
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * civic-inbox's e-mail, sent through the SMTP server in SMTP_URL (nodemailer). Without SMTP_URL
 * `enabled` is false and callers keep their e-mail in their outbox tables for a person or a relay.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly from: string | undefined;

  constructor(config: AppConfig) {
    const url = config.env.SMTP_URL;
    this.from = config.env.MAIL_FROM;
    this.transporter = url
      ? nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /**
   * Sends one message. A temporary refusal (SMTP 4xx) or an unreachable server throws
   * MailRetryableError; a permanent refusal (5xx: unknown mailbox, rejected content) throws an
   * Error with the server's answer. Callers log the outcome with their own delivery's id.
   */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) {
      throw new Error('E-mail is not configured (SMTP_URL)');
    }
    try {
      await this.transporter.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
        attachments: mail.attachments,
      });
    } catch (error) {
      const { responseCode, code, response, message } = error as {
        responseCode?: number;
        code?: string;
        response?: string;
        message: string;
      };
      const reason = `${responseCode !== undefined ? `SMTP ${responseCode}` : (code ?? 'SMTP')}: ${response ?? message}`;
      // The server's own 5xx is final; so is an address or message nodemailer could not even send.
      const permanent = responseCode !== undefined ? responseCode >= 500 : code === 'EENVELOPE' || code === 'EMESSAGE';
      if (permanent) {
        throw new Error(reason);
      }
      throw new MailRetryableError(reason);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
