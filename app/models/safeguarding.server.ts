/**
 * Safeguarding: the school's crisis-support settings, the red alerts (open safeguarding flags)
 * for teachers and the admin, "mark handled" with a note, the e-mail to the class's teacher and
 * the safeguarding lead, and the audit trail of all of it (flag_events: who, when, what).
 * See docs/decisions/006-safeguarding.md.
 */
import { sql } from "drizzle-orm";
import type { SafeguardingSettings, SchoolSettings } from "../../db/schema";
import { isLocale, type Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import type { SessionUser } from "~/utils/auth.server";
import { db, executePrepared, reasonOf } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { sendMail } from "~/utils/mail.server";
import type { FlagAction, NotEmailedReason } from "./flag-events";
import { CRISIS_FLAG_PREFIX, HARMFUL_REPLY_FLAG_PREFIX, onlyAboutAFriend } from "./severity";
import { formatDateTime } from "~/utils/school-time.server";
import { changeSchoolSettings, getSchoolSettings } from "./schools.server";

export const DEFAULT_SAFEGUARDING: SafeguardingSettings = {
  helpContact: "",
  helpLine: "",
  sendCrisisToModel: false,
  leadName: "",
  leadEmail: "",
  emailAlerts: false,
  smtp: null,
};

export async function getSafeguardingSettings(user: Pick<SessionUser, "schoolId">): Promise<SafeguardingSettings> {
  return safeguardingOf(await getSchoolSettings(user));
}

/** The safeguarding part of a school's settings, with defaults for what it never set. */
export function safeguardingOf(settings: SchoolSettings): SafeguardingSettings {
  return { ...DEFAULT_SAFEGUARDING, ...(settings.safeguarding ?? {}) };
}

/**
 * Saves the safeguarding form. Built on the settings as stored when written (the row locked): the
 * SMTP password a form leaves empty is the one saved then, whatever another admin saved meanwhile.
 */
export async function saveSafeguardingSettings(admin: Pick<SessionUser, "schoolId">, change: (current: SafeguardingSettings) => SafeguardingSettings): Promise<void> {
  await changeSchoolSettings(admin.schoolId, (now) => ({ safeguarding: change(safeguardingOf(now)) }));
}

// ---------------------------------------------------------------------------------------------
// The audit trail

export type { FlagAction } from "./flag-events";


export async function logFlagEvent(event: {
  messageId: string;
  actorId: string | null;
  action: FlagAction;
  note?: string | null;
}): Promise<void> {
  // Class and student come from the message, so the trail keeps them when the transcript is purged.
  await db().execute(sql`
    insert into flag_events (message_id, class_id, student_id, actor_id, action, severity, note)
    select m.id, c.class_id, m.user_id, ${event.actorId}, ${event.action}, m.severity, ${event.note ?? null}
      from playground_messages m join playground_conversations c on c.id = m.conversation_id
     where m.id = ${event.messageId}::uuid`);
}

export interface FlagEventView {
  action: FlagAction;
  actor: string | null;
  note: string | null;
  at: string;
}

// ---------------------------------------------------------------------------------------------
// Red alerts

export interface SafeguardingAlert {
  messageId: string;
  conversationId: string;
  classId: string;
  className: string;
  student: { id: string; displayName: string };
  categories: string[];
  at: string;
  /**
   * The exchange in context: for the class's teacher the student's page, scrolled to the message;
   * for the school's admin, unless they teach the class, its own page (adminExchangeHref).
   */
  href: string;
  /** False once the student has left the class: its teacher no longer sees it, the admin does. */
  enrolled: boolean;
  /** The message was about someone the student knows: the one at risk may not be in the class. */
  aboutAFriend: boolean;
  events: FlagEventView[];
}

type AlertRow = {
  id: string;
  conversation_id: string;
  class_id: string;
  class_name: string;
  teacher_id: string;
  student_id: string;
  display_name: string;
  flags: string[];
  created_at: Date | string;
  enrolled: boolean;
  crisis: { rule: string }[] | null;
  events: { action: FlagAction; actor: string | null; note: string | null; at: string }[];
};

/** The history of message `m` (playground_messages), oldest first, as FlagEventView reads it (`at` still a timestamp). */
export const alertEventsJson = sql`coalesce((
  select json_agg(json_build_object('action', fe.action, 'actor', a.display_name, 'note', fe.note, 'at', fe.created_at) order by fe.created_at)
    from flag_events fe left join users a on a.id = fe.actor_id
   where fe.message_id = m.id), '[]'::json)`;

/**
 * Open safeguarding flags the user must see: a teacher's in the classes they teach, of students
 * still in them (one class with `classId`); an admin's in the whole school, also of students who
 * have left the class since — nobody else sees those. One statement; served by
 * messages_open_safeguarding_idx.
 */
export async function listSafeguardingAlerts(
  user: Pick<SessionUser, "id" | "role" | "schoolId">,
  scope: { classId?: string } = {},
): Promise<SafeguardingAlert[]> {
  const schoolWide = user.role === "admin" && !scope.classId;
  const whose = schoolWide ? sql`cl.school_id = ${user.schoolId}` : sql`cl.teacher_id = ${user.id}`;
  const oneClass = scope.classId ? sql`and cl.id = ${scope.classId}::uuid` : sql``;
  const enrolled = sql`exists (select 1 from enrollments e where e.class_id = cl.id and e.student_id = m.user_id)`;
  // prepared: every class page and the teacher's home ask (planning it was ~1 ms of each)
  const rows = await executePrepared<AlertRow>(sql`
    select m.id, m.conversation_id, cl.id as class_id, cl.name as class_name, cl.teacher_id, u.id as student_id, u.display_name,
           m.flags, m.crisis, m.created_at, ${enrolled} as enrolled,
           ${alertEventsJson} as events
      from playground_messages m
      join playground_conversations c on c.id = m.conversation_id
      join classes cl on cl.id = c.class_id
      join users u on u.id = m.user_id
     where m.flag_status = 'open' and m.severity = 'safeguarding'
       and ${whose} ${oneClass}
       ${schoolWide ? sql`` : sql`and ${enrolled}`}
     order by m.created_at desc
     limit 100`);
  return [...rows].map((r) => ({
    messageId: r.id,
    conversationId: r.conversation_id,
    classId: r.class_id,
    className: r.class_name,
    student: { id: r.student_id, displayName: r.display_name },
    categories: categoriesOf(r.flags),
    at: formatDateTime(r.created_at),
    // the student's page for their own teacher (the whole picture); the admin's page otherwise
    href: r.teacher_id === user.id && r.enrolled ? exchangeHref(r.class_id, r.student_id, r.id) : adminExchangeHref(r.id),
    enrolled: r.enrolled,
    aboutAFriend: onlyAboutAFriend(r.crisis),
    events: r.events.map((e) => ({ ...e, at: formatDateTime(e.at) })),
  }));
}

/**
 * "crisis_self_harm" → "self_harm"; a reply stopped for harming the child keeps its flag
 * ("harmful_reply_grooming"); a reply the reply screen flagged reads "self_harm".
 */
export function categoriesOf(flags: readonly string[]): string[] {
  const found = flags.filter((f) => f.startsWith(CRISIS_FLAG_PREFIX)).map((f) => f.slice(CRISIS_FLAG_PREFIX.length));
  if (found.length > 0) return found;
  const harmful = flags.filter((f) => f.startsWith(HARMFUL_REPLY_FLAG_PREFIX));
  if (harmful.length > 0) return harmful;
  return flags.includes("self_harm") ? ["self_harm"] : [];
}

export function exchangeHref(classId: string, studentId: string, messageId: string): string {
  return `/teach/classes/${classId}/students/${studentId}#msg-${messageId}`;
}

/** The admin's page of one safeguarding alert (app/teach/safeguarding-exchange.server.ts). */
export function adminExchangeHref(messageId: string): string {
  return `/admin/safeguarding/${messageId}#msg-${messageId}`;
}

/**
 * "Mark handled" with a note: the class's teacher (or the school's admin) closes an open
 * safeguarding flag. "gone" when it is theirs but no longer open (a colleague handled it first);
 * anything else — another class's or school's message, an unflagged one — is a 404.
 */
export async function markSafeguardingHandled(
  user: Pick<SessionUser, "id" | "role" | "schoolId">,
  messageId: string,
  note: string,
): Promise<"handled" | "gone"> {
  // Who may act is who sees the alert (listSafeguardingAlerts): a teacher only while the student is
  // still in their class. Once the student has left, only the admin's list shows it; the former
  // teacher's "mark handled" (a stale page, or an id kept from before) would close it there unseen.
  const whose =
    user.role === "admin"
      ? sql`cl.school_id = ${user.schoolId}`
      : sql`cl.teacher_id = ${user.id} and exists (select 1 from enrollments e where e.class_id = cl.id and e.student_id = m.user_id)`;
  return db().transaction(async (tx) => {
    const updated = await tx.execute<{ id: string }>(sql`
      update playground_messages m set flag_status = 'reviewed'
        from playground_conversations c, classes cl
       where m.id = ${messageId}::uuid and m.severity = 'safeguarding' and m.flag_status = 'open'
         and c.id = m.conversation_id and cl.id = c.class_id and ${whose}
      returning m.id`);
    if ([...updated].length === 0) {
      const [mine] = await tx.execute<{ id: string }>(sql`
        select m.id from playground_messages m
          join playground_conversations c on c.id = m.conversation_id join classes cl on cl.id = c.class_id
         where m.id = ${messageId}::uuid and m.severity = 'safeguarding' and ${whose}`);
      if (!mine) notFound();
      return "gone";
    }
    await tx.execute(sql`
      insert into flag_events (message_id, class_id, student_id, actor_id, action, severity, note)
      select m.id, c.class_id, m.user_id, ${user.id}, 'handled', m.severity, ${note}
        from playground_messages m join playground_conversations c on c.id = m.conversation_id
       where m.id = ${messageId}::uuid`);
    return "handled";
  });
}

// ---------------------------------------------------------------------------------------------
// The e-mail

export const EMAIL_QUIET_MINUTES = 15;

type NotifyRow = {
  student: string;
  class_name: string | null;
  class_id: string | null;
  student_id: string;
  flags: string[];
  crisis: { rule: string }[] | null;
  created_at: Date | string;
  teacher_email: string | null;
  teacher_locale: string | null;
};

/**
 * Tells the adults about a new safeguarding flag: the audit trail first ("raised"), then, when
 * the school has configured it, one e-mail to the class's teacher and the safeguarding lead.
 * The e-mail carries no words of the student's message — only who, when, and a link to sign in
 * and read it — because e-mail is less protected than the app. Never throws: a mail server that
 * is down must not break a student's request; the outcome is logged in the audit trail.
 */
export async function notifySafeguarding(
  student: Pick<SessionUser, "id" | "schoolId">,
  messageId: string,
  origin: string | null,
): Promise<void> {
  try {
    await logFlagEvent({ messageId, actorId: student.id, action: "raised" });
    const settings = await getSafeguardingSettings(student);
    const notEmailed = (reason: NotEmailedReason) => logFlagEvent({ messageId, actorId: null, action: "not_emailed", note: reason });
    if (!settings.emailAlerts || !settings.smtp) return await notEmailed("off");
    const [row] = await db().execute<NotifyRow>(sql`
      select u.display_name as student, cl.name as class_name, cl.id as class_id, u.id as student_id, m.flags, m.crisis, m.created_at,
             t.email as teacher_email, t.locale as teacher_locale
        from playground_messages m
        join users u on u.id = m.user_id
        join playground_conversations c on c.id = m.conversation_id
        left join classes cl on cl.id = c.class_id
        left join users t on t.id = cl.teacher_id
       where m.id = ${messageId}::uuid and u.id = ${student.id}`);
    if (!row) return;
    // One e-mail per student per quarter hour: a student writing several such messages in a row
    // raises several flags (all on the red alert) but does not flood the adults' inboxes.
    const [recent] = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from flag_events
       where student_id = ${student.id} and action = 'emailed' and created_at > now() - ${EMAIL_QUIET_MINUTES} * interval '1 minute'`);
    if ((recent?.n ?? 0) > 0) return await notEmailed("quiet");
    const to = [...new Set([row.teacher_email, settings.leadEmail].map((e) => e?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))];
    if (to.length === 0) return await notEmailed("no_address");
    const locale: Locale = row.teacher_locale && isLocale(row.teacher_locale) ? row.teacher_locale : "en";
    const t = translator(locale);
    const link =
      row.class_id && origin ? `${origin}${exchangeHref(row.class_id, row.student_id, messageId)}` : (origin ?? "");
    const categories = categoriesOf(row.flags).map((c) => t(`safeguarding.category.${c}` as "safeguarding.category.suicide"));
    if (onlyAboutAFriend(row.crisis)) categories.push(t("safeguarding.alert.aboutAFriend"));
    try {
      await sendMail(settings.smtp, {
        to,
        subject: t("safeguarding.mail.subject", { student: row.student, class: row.class_name ?? "—" }),
        text: t("safeguarding.mail.body", {
          student: row.student,
          class: row.class_name ?? "—",
          at: formatDateTime(row.created_at),
          categories: categories.join(", ") || "—",
          link,
          // the lead's account may be the admin's, who may not teach the class
          adminLink: origin ? `${origin}${adminExchangeHref(messageId)}` : "",
          lead: settings.leadName || "—",
        }),
      });
      await logFlagEvent({ messageId, actorId: null, action: "emailed", note: to.join(", ") });
    } catch (error) {
      console.error(`safeguarding: the alert e-mail failed: ${(error as Error).message}`);
      await logFlagEvent({ messageId, actorId: null, action: "email_failed", note: (error as Error).message.slice(0, 300) });
    }
  } catch (error) {
    console.error(`safeguarding: could not record or send an alert: ${reasonOf(error)}`);
  }
}

/** "Send a test e-mail" on the settings page: to the lead, or to the admin when no lead is set. */
export async function sendTestMail(admin: Pick<SessionUser, "id" | "schoolId">, locale: Locale): Promise<{ ok: true; to: string } | { ok: false; error: string }> {
  const settings = await getSafeguardingSettings(admin);
  if (!settings.smtp) return { ok: false, error: translator(locale)("safeguarding.settings.needsSmtp") };
  const [me] = await db().execute<{ email: string | null }>(sql`select email from users where id = ${admin.id}`);
  const to = settings.leadEmail || me?.email || "";
  if (!to) return { ok: false, error: translator(locale)("safeguarding.settings.emailInvalid") };
  const t = translator(locale);
  try {
    await sendMail(settings.smtp, { to: [to], subject: t("safeguarding.testMail.subject"), text: t("safeguarding.testMail.body") });
    return { ok: true, to };
  } catch (error) {
    return { ok: false, error: (error as Error).message.slice(0, 300) };
  }
}

