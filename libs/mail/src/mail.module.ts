import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing e-mail over SMTP (SMTP_URL, MAIL_FROM). */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
