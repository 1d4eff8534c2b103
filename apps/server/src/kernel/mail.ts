import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

/** The sender address when SMTP_URL names none. */
const DEFAULT_FROM = 'Hoptac <no-reply@hoptac.local>';

/**
 * E-mail through the SMTP server of SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS);
 * null when unset: mail is off and callers only keep their in-app side.
 */
export function createMailer(smtpUrl: string | null, from = DEFAULT_FROM): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}
