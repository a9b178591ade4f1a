import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One refusal the fake gives to the next RCPT TO of an address (then it accepts again). */
interface Refusal {
  code: number;
  message: string;
}

/**
 * A mail server on loopback that speaks real SMTP (smtp-server, from nodemailer's authors): it
 * keeps every accepted message, parsed (mailparser), and can refuse a recipient with an SMTP code
 * the way a real server does (451 greylisting, 550 unknown mailbox).
 */
export class FakeSmtpServer {
  readonly received: ParsedMail[] = [];
  private readonly refusals = new Map<string, Refusal[]>();
  private server: SMTPServer | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refusals.get(address.address.toLowerCase())?.shift();
        if (!refusal) {
          return callback();
        }
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          this.received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The next RCPT TO of `address` is answered with `code` (each call queues one refusal). */
  refuseNext(address: string, code: number, message: string): void {
    const list = this.refusals.get(address.toLowerCase()) ?? [];
    list.push({ code, message });
    this.refusals.set(address.toLowerCase(), list);
  }

  messagesTo(address: string): ParsedMail[] {
    return this.received.filter((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((v) => v.address === address)),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
