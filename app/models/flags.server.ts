/**
 * Flagged playground exchanges of one class, for its teacher: the list (open first, then the
 * ones already decided) and the two decisions, "reviewed" and "dismissed".
 *
 * Nothing is ever deleted here: a decision only changes the message's flag_status, and each
 * decision is also appended to the activity log (actor = the teacher), so a dismissed flag stays
 * on record with who dismissed it and when. Transcripts themselves go only by the school's
 * retention period (retention.server.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { requireTeacherOf } from "./classes.server";
import { formatDateTime } from "~/utils/school-time.server";
import type { CRISIS_FLAG_PREFIX, HARMFUL_REPLY_FLAG_PREFIX, LOW_MOOD_FLAG, Severity } from "~/models/severity";
import type { HarmfulReplyKind } from "~/playground/harmful-reply";
import type { CrisisCategory } from "~/playground/crisis";
import type { FindingKind, FlagKind, PersonalDataKind } from "~/playground/screen-types";

/** How many flagged messages the list carries (newest first after the open ones). */
export const FLAG_LIST_LIMIT = 200;
/** activity_log object type of a flag decision. */
export const FLAG_OBJECT_TYPE = "playground-message";
export const FLAG_DECISIONS = ["reviewed", "dismissed"] as const;
export type FlagDecision = (typeof FLAG_DECISIONS)[number];

export interface FlaggedExchange {
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  student: { id: string; displayName: string; username: string };
  status: "open" | "reviewed" | "dismissed";
  severity: Severity;
  /** Personal-data attempts by this student in the last 7 days (repeated attempts stand out). */
  personalDataAttempts: number;
  flags: string[];
  flagLabels: string[];
  at: string;
  /** The exchange in order: the prompt and the reply, one of which is the flagged message. */
  messages: { role: "user" | "assistant"; text: string; flagged: boolean }[];
  decidedAt: string;
  decisionLabel: string;
  /** A safeguarding flag's "mark handled" note: what the adult did, kept with the flag. */
  handledNote: string | null;
}

export interface FlagListView {
  open: FlaggedExchange[];
  decided: FlaggedExchange[];
}

type Row = {
  id: string;
  conversation_id: string;
  title: string;
  role: "user" | "assistant";
  text: string;
  flags: string[];
  flag_status: "open" | "reviewed" | "dismissed";
  severity: Severity | null;
  pd_attempts: number;
  created_at: Date | string;
  student_id: string;
  display_name: string;
  username: string;
  partner_role: "user" | "assistant" | null;
  partner_text: string | null;
  decided_verb: string | null;
  decided_at: Date | string | null;
  handled_by: string | null;
  handled_note: string | null;
  handled_at: Date | string | null;
};

/** Every code a message can be flagged with: what the screening and the crisis check leave. */
type FlagCode =
  | FlagKind
  | FindingKind
  | `${typeof CRISIS_FLAG_PREFIX}${CrisisCategory}`
  | typeof LOW_MOOD_FLAG
  | `${typeof HARMFUL_REPLY_FLAG_PREFIX}${HarmfulReplyKind}`;

const personalDataOf = (kind: PersonalDataKind) => (t: Translate) =>
  t("teach.dash.flag.personalDataKind", { kind: t(`teach.dash.flag.pd.${kind}`) });

/** Keyed by every code, so a new kind without its words fails to compile. */
const FLAG_LABELS: Record<FlagCode, (t: Translate) => string> = {
  personal_data: (t) => t("teach.dash.flag.personalData"),
  email: personalDataOf("email"),
  phone: personalDataOf("phone"),
  cn_mobile: personalDataOf("cn_mobile"),
  cn_resident_id: personalDataOf("cn_resident_id"),
  id_number: personalDataOf("id_number"),
  street_address: personalDataOf("street_address"),
  account: personalDataOf("account"),
  school_class: personalDataOf("school_class"),
  password: personalDataOf("password"),
  blocked_topic: (t) => t("teach.dash.flag.topic"),
  self_harm: (t) => t("teach.dash.flag.selfHarm"),
  crisis_suicide: (t) => t("safeguarding.category.suicide"),
  crisis_self_harm: (t) => t("safeguarding.category.self_harm"),
  crisis_abuse: (t) => t("safeguarding.category.abuse"),
  crisis_danger: (t) => t("safeguarding.category.danger"),
  crisis_not_eating: (t) => t("safeguarding.category.not_eating"),
  harmful_reply_urges_self_harm: (t) => t("safeguarding.category.harmful_reply_urges_self_harm"),
  harmful_reply_self_harm_method: (t) => t("safeguarding.category.harmful_reply_self_harm_method"),
  harmful_reply_grooming: (t) => t("safeguarding.category.harmful_reply_grooming"),
  violence: (t) => t("teach.dash.flag.violence"),
  sexual: (t) => t("teach.dash.flag.sexual"),
  jailbreak: (t) => t("teach.dash.flag.jailbreak"),
  bullying: (t) => t("teach.dash.flag.bullying"),
  drugs: (t) => t("teach.dash.flag.drugs"),
  low_mood: (t) => t("teach.dash.flag.lowMood"),
};

/**
 * A flag's code in the teacher's words. Codes are stored as text: one no version of Lantern
 * knows (a row from a newer one) is shown as it is.
 */
export function flagLabel(code: string, t: Translate): string {
  return Object.hasOwn(FLAG_LABELS, code) ? FLAG_LABELS[code as FlagCode](t) : code;
}

/** Crisis categories that already say what the screen's `self_harm` flag says. */
const SAYS_SELF_HARM: readonly string[] = ["crisis_self_harm", "crisis_suicide"];

/**
 * A message's flags in the teacher's words, each reason once: a message the crisis check read as
 * self-harm or suicide is not also "may be about self-harm" (found in a walk as a UK teacher:
 * "Flagged: self-harm and May be about self-harm").
 */
export function flagLabels(codes: readonly string[], t: Translate): string[] {
  const shown = codes.some((c) => SAYS_SELF_HARM.includes(c)) ? codes.filter((c) => c !== "self_harm") : codes;
  return [...new Set(shown.map((c) => flagLabel(c, t)))];
}

/**
 * Open flags, THE count every report shows (class page, teacher's home, admin's overview): per
 * class and student, the flagged playground messages nobody has decided on yet, in conversations
 * held under the class, by a student still enrolled in it — exactly the open ones of the class's
 * flag list below. `classIds` is a subquery of the classes wanted. Open flags are few: the partial
 * index messages_open_flags_idx finds them directly.
 */
export function openFlagsSql(classIds: SQL): SQL {
  return sql`
    select c.class_id, m.user_id as student_id, count(*)::int as n
    from playground_messages m
    join playground_conversations c on c.id = m.conversation_id
    join enrollments e on e.class_id = c.class_id and e.student_id = m.user_id
    where m.flag_status = 'open' and c.class_id in (${classIds})
    group by c.class_id, m.user_id`;
}

/** The class's flagged exchanges, in ONE statement after the guard. */
export async function listFlaggedExchanges(
  teacher: SessionUser,
  classId: string,
  ctx: { locale: Locale; t: Translate },
): Promise<FlagListView> {
  const cls = await requireTeacherOf(teacher, classId);
  const rows = await db().execute<Row>(sql`
    select m.id, m.conversation_id, c.title, m.role, m.text, m.flags, m.flag_status, m.severity, m.created_at,
           (select count(*)::int from playground_messages pd
             where pd.user_id = m.user_id and pd.severity = 'personal_data'
               and pd.created_at > now() - interval '7 days') as pd_attempts,
           u.id as student_id, u.display_name, u.username,
           partner.role as partner_role, partner.text as partner_text,
           decision.verb as decided_verb, decision.created_at as decided_at,
           handled.actor as handled_by, handled.note as handled_note, handled.created_at as handled_at
    from enrollments e
    join users u on u.id = e.student_id
    join playground_messages m on m.user_id = e.student_id and m.flag_status <> 'none'
    join playground_conversations c on c.id = m.conversation_id and c.class_id = e.class_id
    left join lateral (
      -- the other half of the exchange: the reply to a flagged prompt, or the prompt of a flagged reply
      select p.role, p.text from playground_messages p
      where p.conversation_id = m.conversation_id and p.id <> m.id
        and ((m.role = 'user' and p.role = 'assistant' and p.created_at >= m.created_at
              -- a prompt held back or blocked got no reply: the next one answers a later prompt
              and not exists (
                select 1 from playground_messages later
                where later.conversation_id = m.conversation_id and later.role = 'user' and later.id <> m.id
                  and later.created_at > m.created_at and later.created_at <= p.created_at))
          or (m.role = 'assistant' and p.role = 'user' and p.created_at <= m.created_at))
      order by case when m.role = 'user' then p.created_at end asc,
               case when m.role = 'assistant' then p.created_at end desc
      limit 1
    ) partner on true
    left join lateral (
      select a.verb, a.created_at from activity_log a
      where a.actor_id = ${cls.teacherId} and a.object_type = ${FLAG_OBJECT_TYPE} and a.object_id = m.id::text
      order by a.created_at desc limit 1
    ) decision on true
    left join lateral (
      -- a safeguarding flag is closed with "mark handled" (safeguarding.server.ts), by the class's
      -- teacher or the school's admin, with a note: who, when and what they did
      select fe.note, fe.created_at, a.display_name as actor from flag_events fe left join users a on a.id = fe.actor_id
      where m.severity = 'safeguarding' and fe.message_id = m.id and fe.action = 'handled'
      order by fe.created_at desc limit 1
    ) handled on true
    where e.class_id = ${cls.id}
    order by (m.flag_status = 'open') desc, m.created_at desc
    limit ${FLAG_LIST_LIMIT}`);
  const { t } = ctx;
  const exchanges = [...rows].map((r): FlaggedExchange => {
    const flagged = { role: r.role, text: r.text, flagged: true };
    const partner = r.partner_role && r.partner_text != null ? { role: r.partner_role, text: r.partner_text, flagged: false } : null;
    const messages = !partner ? [flagged] : r.role === "user" ? [flagged, partner] : [partner, flagged];
    return {
      messageId: r.id,
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      student: { id: r.student_id, displayName: r.display_name, username: r.username },
      status: r.flag_status,
      severity: r.severity ?? "review",
      personalDataAttempts: r.pd_attempts,
      flags: r.flags,
      flagLabels: r.flags.length > 0 ? flagLabels(r.flags, t) : [t("teach.dash.flag.unspecified")],
      at: formatDateTime(r.created_at),
      messages,
      decidedAt: formatDateTime(r.decided_at),
      decisionLabel: r.handled_at
        ? t("teach.dash.flag.handledOn", { actor: r.handled_by ?? "—", at: formatDateTime(r.handled_at) })
        : r.flag_status === "reviewed"
          ? t("teach.dash.flag.reviewedOn", { at: formatDateTime(r.decided_at) || "—" })
          : r.flag_status === "dismissed"
            ? t("teach.dash.flag.dismissedOn", { at: formatDateTime(r.decided_at) || "—" })
            : "",
      handledNote: r.handled_note,
    };
  });
  return { open: exchanges.filter((e) => e.status === "open"), decided: exchanges.filter((e) => e.status !== "open") };
}

/**
 * Marks one flagged message of this class reviewed or dismissed and logs the decision. A message
 * outside the teacher's class, or one that was never flagged, is a 404.
 */
export async function decideFlag(teacher: SessionUser, classId: string, messageId: string, decision: FlagDecision): Promise<void> {
  const cls = await requireTeacherOf(teacher, classId);
  await transaction(async () => {
    const tx = db();
    const updated = await tx.execute<{ id: string; previous: string }>(sql`
      update playground_messages m
      set flag_status = ${decision}
      from playground_conversations c, enrollments e,
           (select flag_status as previous from playground_messages where id = ${messageId}::uuid) before
      where m.id = ${messageId}::uuid
        and m.flag_status <> 'none'
        and m.severity is distinct from 'safeguarding'
        and c.id = m.conversation_id and c.class_id = ${cls.id}
        and e.class_id = ${cls.id} and e.student_id = m.user_id
      returning m.id, before.previous`);
    const row = [...updated][0];
    if (!row) notFound();
    await tx.execute(sql`
      insert into activity_log (actor_id, verb, object_type, object_id, result)
      values (${teacher.id}, ${`${decision}-flag`}, ${FLAG_OBJECT_TYPE}, ${row.id},
              ${JSON.stringify({ from: row.previous, to: decision, classId: cls.id })}::jsonb)`);
    await tx.execute(sql`
      insert into flag_events (message_id, class_id, student_id, actor_id, action, severity)
      select m.id, ${cls.id}, m.user_id, ${teacher.id}, ${decision}, m.severity from playground_messages m where m.id = ${row.id}::uuid`);
  });
}
