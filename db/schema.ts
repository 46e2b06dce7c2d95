/**
 * The whole Lantern domain in one PostgreSQL schema (drizzle pg-core).
 * snake_case columns, camelCase keys. Every index sits beside its table with a comment naming
 * the query it serves. Migrations are generated from this file by drizzle-kit and committed.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const id = () => uuid("id").primaryKey().defaultRandom();

export const roleEnum = pgEnum("role", ["student", "teacher", "admin"]);
export const progressStatusEnum = pgEnum("progress_status", ["in_progress", "completed"]);
export const confidenceEnum = pgEnum("confidence", ["sure", "fairly_sure", "guessing"]);
export const questionKindEnum = pgEnum("question_kind", ["quiz", "check"]);
export const messageRoleEnum = pgEnum("message_role", ["user", "assistant"]);
export const messageStatusEnum = pgEnum("message_status", [
  "streaming",
  "complete",
  "incomplete",
  "error",
  "blocked",
]);
export const flagStatusEnum = pgEnum("flag_status", ["none", "open", "reviewed", "dismissed"]);
/** How serious a flag is: safeguarding reaches an adult at once; see docs/decisions/006-safeguarding.md. */
export const flagSeverityEnum = pgEnum("flag_severity", ["safeguarding", "personal_data", "policy", "review"]);
export const budgetScopeEnum = pgEnum("budget_scope", ["student", "class"]);

/** School-wide settings an admin can change (stored as JSON so new settings need no migration). */
export interface SchoolSettings {
  transcriptRetentionDays: number;
  defaultModels: string[];
  defaultStudentDailyTokens: number;
  defaultClassDailyTokens: number;
  /** Set by the demo seed and cleared when the admin removes the demo data (decision 008). */
  demo?: { classIds: string[]; studentIds: string[] };
  /** Crisis support and safeguarding alerts; absent on schools created before it existed. */
  safeguarding?: SafeguardingSettings;
  /** Sign-in with the school's OpenID Connect provider (decision 019); absent = not configured. */
  sso?: SsoSettings;
  /** This server's address for printed cards, join links and invitations (origin only, e.g. "https://lantern.school.example"). */
  publicUrl?: string;
  /** IANA zone (e.g. "Asia/Shanghai") every date is shown and entered in, opening hours too; absent = the server's. */
  timeZone?: string;
}

/** How a role is decided from the provider's claims: a group claim, or the e-mail domain. */
export type SsoRoleRule =
  | { kind: "group"; claim: string; teacherValues: string[] }
  | { kind: "domain"; teacherDomains: string[] };

export interface SsoSettings {
  enabled: boolean;
  preset: "google" | "microsoft" | "generic";
  /** Shown on the button: "Sign in with {label}". */
  label: string;
  issuer: string;
  clientId: string;
  /** Sealed with app/utils/secret-box.server.ts; never sent to a browser. */
  clientSecretSealed: string | null;
  /** Lower-case e-mail domains whose accounts may sign in. */
  allowedDomains: string[];
  roleRule: SsoRoleRule;
  /** False: teachers of this school must use the provider (admins keep their password, so SSO can be repaired). */
  teacherPasswordSignIn: boolean;
  /** Existing accounts the admin said a provider e-mail belongs to: linked by subject at that first sign-in, then removed. */
  adminLinks?: { email: string; userId: string }[];
}

/** What a student in crisis is shown, whether the model still answers, and who is e-mailed. */
export interface SafeguardingSettings {
  /** The school's own help contact, e.g. "Ms Chen, school counsellor, room 204". */
  helpContact: string;
  /** A help line for young people, e.g. "Childline 0800 1111". */
  helpLine: string;
  /** Also send a crisis message to the model (default: the student gets only the support card). */
  sendCrisisToModel: boolean;
  leadName: string;
  leadEmail: string;
  /** E-mail the class's teachers and the lead about each safeguarding flag. */
  emailAlerts: boolean;
  /**
   * Outgoing mail; the password is sealed (app/utils/mail.server.ts: sealSmtpPassword) and never
   * leaves the server (the settings page shows only whether one is set).
   */
  smtp: { host: string; port: number; security: "none" | "starttls" | "tls"; user: string; password: string; from: string } | null;
}

export const schools = pgTable("schools", {
  id: id(),
  name: text("name").notNull(),
  settings: jsonb("settings").$type<SchoolSettings>().notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    /** Sign-in name; unique on the whole server so a district's schools never collide. */
    username: text("username").notNull(),
    /** Teachers and admins only: students never need an email address. */
    email: text("email"),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale"),
    /** Students imported from a school information system: its OneRoster sourcedId (re-imports match by it). */
    sourceId: text("source_id"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    // sign-in by username (case-insensitive) and the uniqueness rule
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    // teacher sign-in by email
    uniqueIndex("users_email_lower_key")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    // admin overview: the school's users by role
    index("users_school_role_idx").on(t.schoolId, t.role),
    // roster re-imports: one account per sourcedId in a school
    uniqueIndex("users_school_source_key").on(t.schoolId, t.sourceId).where(sql`${t.sourceId} is not null`),
    check("students_have_no_email", sql`${t.role} <> 'student' or ${t.email} is null`),
  ],
);

/** A Lantern account's identity at an OpenID provider: linked by issuer + subject, never by e-mail. */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // every SSO sign-in: who is this subject
    uniqueIndex("sso_identities_issuer_subject_key").on(t.issuer, t.subject),
    // admin page: is this account linked
    index("sso_identities_user_idx").on(t.userId),
  ],
);

/**
 * A sign-in under way at the provider: state (hashed), nonce and PKCE verifier, used once.
 * The browser holds the state in an HttpOnly cookie too, so a callback is bound to the browser
 * that started it, and deleting the row on use makes a replayed callback fail.
 */
export const ssoLogins = pgTable(
  "sso_logins",
  {
    id: id(),
    stateHash: text("state_hash").notNull(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    next: text("next"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // the callback: find the login by its state
    uniqueIndex("sso_logins_state_hash_key").on(t.stateHash),
    // purge of abandoned logins
    index("sso_logins_expires_idx").on(t.expiresAt),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    /** SHA-256 of the random cookie token: a stolen database does not yield live sessions. */
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Shorter idle timeout for a session started on a shared computer; null = the default. */
    idleMinutes: integer("idle_minutes"),
  },
  (t) => [
    // every request: look the session up by its token hash
    uniqueIndex("sessions_token_hash_key").on(t.tokenHash),
    // sign out everywhere / password change: the user's sessions
    index("sessions_user_idx").on(t.userId),
    // daily purge of ended sessions
    index("sessions_expires_idx").on(t.expiresAt),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // teacher sign-up with an invitation link
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // admin page: the school's invitations
    index("invitations_school_idx").on(t.schoolId, t.createdAt),
  ],
);

/** What a teacher allows in the playground for one class. */
export interface PlaygroundPolicy {
  enabled: boolean;
  allowedModels: string[];
  exploreMode: boolean;
  messagesPerMinute: number;
  studentDailyTokens: number;
  classDailyTokens: number;
  blockedTopics: string[];
  /** Optional opening hours, e.g. school days 08:00–16:00, in the server's time zone. */
  schedule: { days: number[]; from: string; to: string } | null;
}

export const classes = pgTable(
  "classes",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** 6 characters without look-alikes; kept when switched off so it can be switched back on. */
    joinCode: text("join_code").notNull(),
    joinEnabled: boolean("join_enabled").notNull().default(true),
    playgroundPolicy: jsonb("playground_policy").$type<PlaygroundPolicy>().notNull(),
    /** Dashboard: a quiz score below this percent of the questions is marked "low" (1–100). */
    lowScorePercent: integer("low_score_percent").notNull().default(50),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** Classes imported from a school information system: its OneRoster sourcedId. */
    sourceId: text("source_id"),
    createdAt: createdAt(),
  },
  (t) => [
    // roster re-imports: one class per sourcedId in a school
    uniqueIndex("classes_school_source_key").on(t.schoolId, t.sourceId).where(sql`${t.sourceId} is not null`),
    // joining with a code
    uniqueIndex("classes_join_code_key").on(t.joinCode),
    // /teach: a teacher's classes
    index("classes_teacher_idx").on(t.teacherId),
    // /admin: every class of a school
    index("classes_school_idx").on(t.schoolId),
  ],
);

export const enrollments = pgTable(
  "enrollments",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    // the primary key serves "students of a class"
    primaryKey({ columns: [t.classId, t.studentId] }),
    // "classes of a student" (guards, /learn, playground policy)
    index("enrollments_student_idx").on(t.studentId),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    lessonSlug: text("lesson_slug").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** The teacher's note to the students (shown with the assignment on /learn); null = none. */
    instructions: text("instructions"),
    /**
     * For everyone in the class (true), or only for the students in assignment_students. Stored,
     * not read from whether assignment_students has rows: a named assignment whose students have
     * all been deleted is for no one, not for the whole class, and the index below needs it.
     */
    wholeClass: boolean("whole_class").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // class page and student home: a class's assignments
    index("assignments_class_idx").on(t.classId, t.dueAt),
    // a lesson is given to the whole class once: assigning it again changes that assignment
    // (a second, named assignment of it gives students who joined late a date of their own)
    uniqueIndex("assignments_class_lesson_whole_class_key").on(t.classId, t.lessonSlug).where(sql`${t.wholeClass}`),
  ],
);

/** The students a named assignment (whole_class false) is for. */
export const assignmentStudents = pgTable(
  "assignment_students",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.studentId] }),
    // student home: assignments aimed at one student
    index("assignment_students_student_idx").on(t.studentId),
  ],
);

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonSlug: text("lesson_slug").notNull(),
    /** Step ids done, in the order first done; a step appears once however often it is saved. */
    stepsDone: text("steps_done").array().notNull().default(sql`'{}'::text[]`),
    currentStep: text("current_step"),
    status: progressStatusEnum("status").notNull().default("in_progress"),
    /** Seconds the page was visible and the learner active, not wall-clock time. */
    activeSeconds: integer("active_seconds").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the primary key serves "this learner's progress in this lesson" and "all of a learner's lessons"
    primaryKey({ columns: [t.userId, t.lessonSlug] }),
  ],
);

export const quizAnswers = pgTable(
  "quiz_answers",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonSlug: text("lesson_slug").notNull(),
    questionId: text("question_id").notNull(),
    kind: questionKindEnum("kind").notNull(),
    attempt: integer("attempt").notNull(),
    /** Choice ids picked (single/multiple) — empty for "not sure" and text questions. */
    choices: text("choices").array().notNull().default(sql`'{}'::text[]`),
    textAnswer: text("text_answer"),
    notSure: boolean("not_sure").notNull().default(false),
    confidence: confidenceEnum("confidence"),
    correct: boolean("correct").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // idempotent answer writes: one row per learner, question and attempt
    uniqueIndex("quiz_answers_user_question_attempt_key").on(t.userId, t.questionId, t.attempt),
    // quiz insight: every answer to a lesson's questions
    index("quiz_answers_lesson_idx").on(t.lessonSlug, t.questionId),
    // class page (app/teach/class-progress-query.server.ts): each learner's latest answers, for "wrong answers in a row"
    index("quiz_answers_user_time_idx").on(t.userId, t.createdAt),
  ],
);

/** Learning events shaped like xAPI statements: actor · verb · object · result · time. */
export const activityLog = pgTable(
  "activity_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** xAPI verb, short form: started, completed-step, answered, completed, chatted… */
    verb: text("verb").notNull(),
    /** e.g. "lesson", "step", "question", "conversation". */
    objectType: text("object_type").notNull(),
    /** e.g. "tokens", "tokens#bpe", "tokens-q1". */
    objectId: text("object_id").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    // student timeline and "last seen"
    index("activity_actor_time_idx").on(t.actorId, t.createdAt),
    // class page (app/teach/class-progress-query.server.ts): when each learner finished each step, for the class's
    // median time per step and the "stuck on a step" signal, without reading every answer event
    index("activity_steps_done_idx")
      .on(t.actorId, t.createdAt)
      .where(sql`${t.verb} = 'completed-step'`),
  ],
);

export const playgroundConversations = pgTable(
  "playground_conversations",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The class whose policy applied when it started (null for teachers trying it out). */
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    model: text("model").notNull(),
    systemPrompt: text("system_prompt"),
    /** Set when a message of this conversation matched crisis detection (app/playground/crisis.ts). */
    crisisAt: timestamp("crisis_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // playground sidebar: a user's conversations, newest first
    index("conversations_user_updated_idx").on(t.userId, t.updatedAt),
    // retention purge
    index("conversations_updated_idx").on(t.updatedAt),
  ],
);

export const playgroundMessages = pgTable(
  "playground_messages",
  {
    id: id(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => playgroundConversations.id, { onDelete: "cascade" }),
    /** Denormalised from the conversation so usage and flags aggregate without a join. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: messageRoleEnum("role").notNull(),
    text: text("text").notNull(),
    model: text("model"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    /** The endpoint reported no usage: the counts are ours, from the text (shown as "about"). */
    usageEstimated: boolean("usage_estimated").notNull().default(false),
    status: messageStatusEnum("status").notNull(),
    errorCode: text("error_code"),
    flags: text("flags").array().notNull().default(sql`'{}'::text[]`),
    flagStatus: flagStatusEnum("flag_status").notNull().default("none"),
    /** Set with every flag; null on an unflagged message. */
    severity: flagSeverityEnum("severity"),
    /** The crisis rules this message matched ({category, rule, text}[]), or null. */
    crisis: jsonb("crisis").$type<{ category: string; rule: string; text: string }[]>(),
    latencyMs: integer("latency_ms"),
    createdAt: createdAt(),
  },
  (t) => [
    // a conversation's messages in order
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    // student page: usage per day; rate limit: a user's recent messages
    index("messages_user_time_idx").on(t.userId, t.createdAt),
    // teacher dashboard: open flags
    index("messages_open_flags_idx")
      .on(t.userId)
      .where(sql`${t.flagStatus} = 'open'`),
    // flagged-exchanges list (flags.server.ts): every flagged message of a class's students,
    // open or already decided, newest first
    index("messages_flagged_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.flagStatus} <> 'none'`),
    // the red safeguarding alert on /teach, the class page and /admin: open safeguarding flags
    index("messages_open_safeguarding_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.flagStatus} = 'open' and ${t.severity} = 'safeguarding'`),
  ],
);

/**
 * The audit trail of a flag: raised, e-mailed (or the e-mail failed), handled with a note,
 * reviewed, dismissed — who and when. Kept when the transcript is purged (message_id becomes null;
 * class and student stay) so a school can show what it did about a safeguarding concern.
 */
export const flagEvents = pgTable(
  "flag_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: uuid("message_id").references(() => playgroundMessages.id, { onDelete: "set null" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "set null" }),
    studentId: uuid("student_id").references(() => users.id, { onDelete: "cascade" }),
    /** Who did it; null for the system (an e-mail sent). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    severity: flagSeverityEnum("severity"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    // a flag's history under it, oldest first
    index("flag_events_message_idx").on(t.messageId, t.createdAt),
  ],
);

/**
 * Daily token budgets. A call reserves its maximum first (one atomic UPDATE that fails when the
 * budget would be exceeded), then settles to the real usage, so many app processes never
 * overspend and a failed call costs nothing.
 */
export const tokenLedger = pgTable(
  "token_ledger",
  {
    scope: budgetScopeEnum("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    day: date("day").notNull(),
    reserved: integer("reserved").notNull().default(0),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    // the primary key serves the reserve/settle updates
    primaryKey({ columns: [t.scope, t.scopeId, t.day] }),
  ],
);

/**
 * Attempt throttles (sign-in, current-password checks, join codes, self-registration), counted in
 * the database so they hold across app processes. One row per key (for example the account, or
 * the account and client address); an attempt is counted before it is checked, and past a free
 * number of attempts the next one waits a delay that doubles (docs/decisions/007).
 */
export const throttles = pgTable(
  "throttles",
  {
    key: text("key").primaryKey(),
    /** Lower-cased username for rows about one account, so a password reset clears them. */
    account: text("account"),
    attempts: integer("attempts").notNull().default(0),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
    nextAt: timestamp("next_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a teacher's password reset: every throttle row of one account
    index("throttles_account_idx").on(t.account).where(sql`${t.account} is not null`),
    // daily purge of rows nobody has touched for a day
    index("throttles_updated_idx").on(t.updatedAt),
  ],
);

/**
 * Request budgets of the public widget APIs per client and minute (app/models/request-rates.server.ts),
 * in the database so they hold across app processes. The key is a hash of the client's identity
 * (user id or address): no address is stored. A row is rewritten when its minute has passed and
 * deleted by the daily purge once stale.
 */
export const requestRates = pgTable("request_rates", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  used: integer("used").notNull().default(0),
});

/** Small facts about the installation (demo seeded, last purge…). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One playground stream per student at a time, across app processes: a row is claimed when a
 * stream starts and deleted when it ends; a row older than the longest possible stream is stale.
 */
export const activeStreams = pgTable("active_streams", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
});

export const connectionKindEnum = pgEnum("connection_kind", ["claude", "local", "compatible"]);

/** One model the admin offers through a connection; `approved` gates what classes may pick. */
export interface ConnectionModel {
  /** The id the endpoint knows ("claude-haiku-4-5", "llama3.2:3b"). */
  id: string;
  displayName: string;
  contextWindow: number;
  approved: boolean;
  /** Who approved it, and when (the school's approved-tools list). */
  approvedBy: string | null;
  approvedAt: string | null;
}

/**
 * Where a school's playground models come from, besides the environment's Claude connection:
 * Anthropic's API, a model server on the school's network, or a compatible provider — all spoken
 * to with the one Anthropic SDK at `baseUrl`. The key is sealed (AES-256-GCM, app/utils/secret-box.server.ts);
 * the master key never sits in the database.
 */
export const modelConnections = pgTable(
  "model_connections",
  {
    id: id(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: connectionKindEnum("kind").notNull(),
    baseUrl: text("base_url").notNull(),
    /** Sealed API key, or null (a local server that needs none). */
    apiKeySealed: text("api_key_sealed"),
    /** The key's last 4 characters, the only part ever shown. */
    apiKeyHint: text("api_key_hint"),
    enabled: boolean("enabled").notNull().default(true),
    models: jsonb("models").$type<ConnectionModel[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // the admin's list and every student's model list: one school's connections
  (t) => [index("model_connections_school_idx").on(t.schoolId)],
);
