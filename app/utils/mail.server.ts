/**
 * Outgoing e-mail through the school's own SMTP server (admin settings), with nodemailer.
 * Nothing here retries or queues: a safeguarding e-mail is one attempt, and its outcome goes to
 * the flag's audit trail, where the teacher and admin see it next to the red alert.
 */
import nodemailer from "nodemailer";
import type { SafeguardingSettings } from "../../db/schema";
import { seal, unseal } from "./secret-box.server";

export type SmtpSettings = NonNullable<SafeguardingSettings["smtp"]>;

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

const SEALED = /^v\d+:/;

/** The SMTP password as the settings keep it: sealed like every other secret in the database ("" = none). */
export function sealSmtpPassword(plain: string): string {
  return plain === "" ? "" : seal(plain, "smtp-password");
}

/**
 * The SMTP password to sign in with. One saved before passwords were sealed is still plain text
 * (sealed when the admin next saves the e-mail settings); one sealed under another master key
 * opens as "" and the mail server refuses it, as a model key must then be entered again.
 */
export function openSmtpPassword(stored: string): string {
  if (!SEALED.test(stored)) return stored;
  return unseal(stored, "smtp-password") ?? "";
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
    auth: smtp.user ? { user: smtp.user, pass: openSmtpPassword(smtp.password) } : undefined,
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
