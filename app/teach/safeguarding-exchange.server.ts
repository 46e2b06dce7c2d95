/**
 * One safeguarding alert as the school's admin reads it (/admin/safeguarding/:messageId): who,
 * which class, whether they are still in it, the conversation that raised it and the alert's
 * history. The admin may not teach the class, and once the student has left it no teacher sees
 * the alert at all — so this page is the admin's, for any safeguarding-flagged message of the
 * school, open or already handled. Only that conversation is shown, not the student's others.
 */
import { sql } from "drizzle-orm";
import { alertEventsJson, categoriesOf, type FlagEventView } from "~/models/safeguarding.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isUuid } from "~/models/classes.server";
import { formatDateTime } from "~/utils/school-time.server";
import { conversationMessagesJson, transcriptOf, type RawConversation, type Transcript } from "./student-report.server";
import type { ViewContext } from "./view-context.server";

export interface SafeguardingExchange {
  alert: {
    messageId: string;
    student: { displayName: string; username: string };
    className: string;
    enrolled: boolean;
    open: boolean;
    categories: string[];
    at: string;
    events: FlagEventView[];
  };
  transcript: Transcript;
}

type Row = {
  display_name: string;
  username: string;
  class_name: string;
  enrolled: boolean;
  flag_status: string;
  flags: string[];
  created_at: Date | string;
  conversation: RawConversation;
  events: { action: FlagEventView["action"]; actor: string | null; note: string | null; at: string }[];
};

export async function getSafeguardingExchange(admin: Pick<SessionUser, "schoolId">, messageId: string, ctx: ViewContext): Promise<SafeguardingExchange> {
  if (!isUuid(messageId)) notFound();
  const [row] = await db().execute<Row>(sql`
    select u.display_name, u.username, cl.name as class_name, m.flag_status, m.flags, m.created_at,
           exists (select 1 from enrollments e where e.class_id = cl.id and e.student_id = m.user_id) as enrolled,
           (select json_build_object('id', c.id, 'title', c.title, 'model', c.model, 'systemPrompt', c.system_prompt, 'createdAt', c.created_at,
                                     'updatedAt', c.updated_at, 'messages', ${conversationMessagesJson})) as conversation,
           ${alertEventsJson} as events
      from playground_messages m
      join playground_conversations c on c.id = m.conversation_id
      join classes cl on cl.id = c.class_id
      join users u on u.id = m.user_id
     where m.id = ${messageId}::uuid and m.severity = 'safeguarding' and cl.school_id = ${admin.schoolId}`);
  if (!row) notFound();
  return {
    alert: {
      messageId,
      student: { displayName: row.display_name, username: row.username },
      className: row.class_name,
      enrolled: row.enrolled,
      open: row.flag_status === "open",
      categories: categoriesOf(row.flags),
      at: formatDateTime(row.created_at),
      events: row.events.map((e) => ({ ...e, at: formatDateTime(e.at) })),
    },
    transcript: transcriptOf(row.conversation, ctx.t),
  };
}
