/**
 * "Last seen": the ONE definition every teacher view uses (class page, where-now, student page,
 * sort by last seen, the gradebook's JSON). A learner was last seen at the latest of:
 *   - any write to their lesson progress (a step, the quiz, or an active-time ping while reading),
 *   - any learning event in the activity log (steps, lessons) or quiz answer,
 *   - any playground message they sent.
 * Signing in alone or opening the home page does not count: it says nothing about learning.
 *
 * A SQL expression, so each view computes it inside its own single statement (the dashboards keep
 * a fixed number of queries). Every part is one backward probe of an index declared in
 * db/schema.ts: lesson_progress's primary key, activity_actor_time_idx,
 * quiz_answers_user_time_idx and messages_user_time_idx.
 */
import { sql, type SQL } from "drizzle-orm";

/** The moment `userId` (a SQL expression or value naming users.id) was last seen, or NULL. */
export function lastSeenSql(userId: SQL): SQL {
  return sql`greatest(
    (select max(lp.updated_at) from lesson_progress lp where lp.user_id = ${userId}),
    (select max(a.created_at) from activity_log a where a.actor_id = ${userId}),
    (select max(q.created_at) from quiz_answers q where q.user_id = ${userId}),
    (select max(m.created_at) from playground_messages m where m.user_id = ${userId})
  )`;
}

/**
 * Whether `userId` did something today ("active today" on the teacher's home and the admin's
 * overview): a learning event in the activity log (steps, lessons, answers) or a playground message
 * at or after `since`. The playground counts as it does for "last seen": a student who spent the
 * lesson there is online on the class page, and must not be missing from the day's count.
 */
export function activeSinceSql(userId: SQL, since: SQL): SQL {
  return sql`(exists (select 1 from activity_log a where a.actor_id = ${userId} and a.created_at >= ${since})
    or exists (select 1 from playground_messages m where m.user_id = ${userId} and m.created_at >= ${since}))`;
}
