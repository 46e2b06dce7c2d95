/**
 * Outgoing e-mail through the school's own SMTP server (admin settings), with nodemailer.
 * Nothing here retries or queues: a safeguarding e-mail is one attempt, and its outcome goes to
 * the flag's audit trail, where the teacher and admin see it next to the red alert.
 */
import nodemailer from "nodemailer";
import type { SafeguardingSettings } from "../../db/schema";

export type SmtpSettings = NonNullable<SafeguardingSettings["smtp"]>;

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Short timeouts: a dead mail server must not hold connections open for minutes. */
const TIMEOUT_MS = 10_000;

export async function sendMail(smtp: SmtpSettings, mail: Mail): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === "tls",
    requireTLS: smtp.security === "starttls",
    ignoreTLS: smtp.security === "none",
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
