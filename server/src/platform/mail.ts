import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from './config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export interface SentMail extends Mail {
  sentAt: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Mails kept in memory when no SMTP server is configured (development and tests). */
  readonly outbox: SentMail[];
}

const OUTBOX_LIMIT = 200;

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>, log: Logger): Mailer {
  const outbox: SentMail[] = [];
  const transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  return {
    outbox,
    async send(mail) {
      if (transport) {
        await transport.sendMail({ from: config.MAIL_FROM, ...mail });
        log.info({ subject: mail.subject }, 'mail sent');
        return;
      }
      outbox.push({ ...mail, sentAt: new Date().toISOString() });
      if (outbox.length > OUTBOX_LIMIT) outbox.shift();
      log.info({ subject: mail.subject }, 'mail captured (no SMTP_URL): read it at /api/dev/mail');
    },
  };
}
