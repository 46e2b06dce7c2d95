/**
 * Length limits of form fields, in one place: the zod schemas (`app/forms/*.server.ts`) refuse
 * longer input with them, and the pages' inputs carry them as `maxLength`, so a browser stops
 * typing exactly where the server would refuse. Plain numbers: this module reaches the browser,
 * zod does not.
 */
export const MAX_CHARS = {
  className: 80,
  /** A student's name as they join a class. */
  joinName: 60,
  username: 40,
  /** A teacher's name as they sign up. */
  teacherName: 80,
  schoolName: 120,
  schoolSettingsName: 100,
  publicUrl: 300,
  inviteNote: 120,
  connectionName: 80,
  ssoLabel: 40,
  answerText: 500,
  assignmentInstructions: 1000,
  safeguardingNote: 1000,
  helpContact: 200,
  helpLine: 200,
  leadName: 100,
  email: 254,
  smtpHost: 253,
  smtpUser: 200,
  smtpPassword: 500,
  prompt: 4_000,
  systemPrompt: 4_000,
  /** The tokenizer's and next-token widgets' text (bounds the work of one API call). */
  widgetText: 2_000,
} as const;

/** The next-token widget's other inputs. */
export const NEXT_TOKEN_LIMITS = { topK: 40, temperature: 2, added: 20 } as const;
