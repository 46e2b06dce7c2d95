/**
 * One student, as their teacher sees them in one class: activity timeline, per-lesson detail,
 * quiz answers, playground usage (messages and tokens per day against the class's budget) and
 * transcripts with flagged messages highlighted.
 *
 * Guarded by requireStudentOf (the student must be enrolled in a class this teacher teaches;
 * anything else is a 404), then ONE statement. Transcripts are limited to conversations held
 * under this class's policy: another class's teacher sees their own.
 */
import { sql } from "drizzle-orm";
import type { PlaygroundPolicy } from "../../db/schema";
import { getCourse } from "~/course/course.server";
import { lessonIndex } from "~/course/course-index";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { scoreAttempt } from "~/course/scoring";
import { flagLabels } from "~/models/flags.server";
import { lastSeenSql } from "~/models/last-seen.server";
import { requireStudentOf } from "~/models/students.server";
import type { Translate } from "~/i18n/translate";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { currentTimeZone } from "~/utils/request-scope.server";
import { formatDateTime, lastSchoolDays } from "~/utils/school-time.server";
import { attemptView, questionIndex, type AttemptView, type ResponseRow } from "./answer-views.server";
import { formatAgo, formatDuration, formatScore } from "./labels.server";
import { statusLabel } from "./progress-cells.server";
import { describe, TIMELINE_LIMIT, type ActivityEvent, type TimelineEntry } from "./student-timeline.server";
import type { ViewContext } from "./view-context.server";

/** Days of playground usage shown. */
export const USAGE_DAYS = 14;
/** Most recent conversations whose transcripts the page carries. */
export const TRANSCRIPT_LIMIT = 20;

export interface LessonDetail {
  slug: string;
  number: number;
  title: string;
  status: string;
  state: "not_started" | "in_progress" | "completed";
  stepsDone: number;
  steps: number;
  currentStepTitle: string;
  time: string;
  startedAt: string;
  completedAt: string;
  score: string;
  questions: { id: string; kind: "quiz" | "check"; prompt: string; attempts: AttemptView[] }[];
}

export interface UsageDay {
  day: string;
  messages: number;
  tokens: number;
}

export interface TranscriptMessage {
  id: string;
  role: "user" | "assistant";
  text: string;
  at: string;
  flagged: boolean;
  flagStatus: "none" | "open" | "reviewed" | "dismissed";
  flags: string[];
  flagLabels: string[];
  tokens: number;
  status: string;
}

export interface Transcript {
  id: string;
  title: string;
  model: string;
  /**
   * The student's own system prompt (explore mode), when they wrote one: it is read by the crisis
   * screen with their messages, so an alert it raised must show it (a walk with a model key,
   * 7 December: the alert opened on "hi — Flagged: suicide", and the words were nowhere).
   */
  systemPrompt: string | null;
  startedAt: string;
  updatedAt: string;
  flagged: number;
  messages: TranscriptMessage[];
}

export interface StudentDetailView {
  student: { id: string; displayName: string; username: string; lastSeen: string };
  lessons: LessonDetail[];
  timeline: TimelineEntry[];
  usage: {
    days: UsageDay[];
    budget: number;
    totalMessages: number;
    totalTokens: number;
    overBudgetDays: number;
    /** The numbers as printed ("20,000"), formatted on the server so the page never disagrees with itself. */
    labels: { budget: string; totalMessages: string; totalTokens: string };
  };
  transcripts: Transcript[];
  conversationCount: number;
}

interface Raw {
  progress: {
    lesson: string;
    status: "in_progress" | "completed";
    stepsDone: string[];
    currentStep: string | null;
    activeSeconds: number;
    startedAt: string;
    completedAt: string | null;
    updatedAt: string;
  }[] | null;
  answers: ResponseRow[] | null;
  activity: ActivityEvent[] | null;
  usage: { day: string; messages: number; tokens: number }[] | null;
  ledger: { day: string; used: number }[] | null;
  conversations: (Omit<Transcript, "flagged" | "messages" | "startedAt" | "updatedAt"> & {
    createdAt: string;
    updatedAt: string;
    messages: (Omit<TranscriptMessage, "flagged" | "at" | "tokens" | "flagLabels"> & { createdAt: string; tokens: number })[] | null;
  })[] | null;
  conversation_count: number;
  last_seen: string | null;
  policy: PlaygroundPolicy | null;
}

/** A conversation as the transcript shows it (the teacher's student page, the admin's alert page). */
export type RawConversation = NonNullable<Raw["conversations"]>[number];

/** The messages of conversation `c` (playground_conversations), in order, as transcriptOf reads them. */
export const conversationMessagesJson = sql`(
  select json_agg(json_build_object(
           'id', m.id, 'role', m.role, 'text', m.text, 'createdAt', m.created_at, 'flagStatus', m.flag_status,
           'flags', m.flags, 'tokens', m.input_tokens + m.output_tokens, 'status', m.status) order by m.created_at)
    from playground_messages m where m.conversation_id = c.id)`;

export function transcriptOf(c: RawConversation, t: Translate): Transcript {
  const messages = (c.messages ?? []).map((m) => ({
    id: m.id,
    role: m.role,
    text: m.text,
    at: formatDateTime(m.createdAt),
    flagged: m.flagStatus !== "none",
    flagStatus: m.flagStatus,
    flags: m.flags,
    flagLabels: flagLabels(m.flags, t),
    tokens: m.tokens,
    status: m.status,
  }));
  return {
    id: c.id,
    title: c.title,
    model: c.model,
    systemPrompt: c.systemPrompt ?? null,
    startedAt: formatDateTime(c.createdAt),
    updatedAt: formatDateTime(c.updatedAt),
    flagged: messages.filter((m) => m.flagged).length,
    messages,
  };
}

/** Usage is counted per day of the school's calendar (`firstDay` is the oldest day shown), as the page prints dates. */
async function queryStudent(classId: string, studentId: string, firstDay: string): Promise<Raw> {
  const tz = currentTimeZone();
  const [row] = await db().execute<{ detail: Raw }>(sql`
    select json_build_object(
      'progress', (
        select json_agg(json_build_object(
          'lesson', lp.lesson_slug, 'status', lp.status, 'stepsDone', lp.steps_done, 'currentStep', lp.current_step,
          'activeSeconds', lp.active_seconds, 'startedAt', lp.started_at, 'completedAt', lp.completed_at, 'updatedAt', lp.updated_at))
        from lesson_progress lp where lp.user_id = ${studentId}),
      'answers', (
        select json_agg(json_build_object(
          'studentId', qa.user_id, 'displayName', '', 'username', '',
          'lesson', qa.lesson_slug, 'questionId', qa.question_id, 'kind', qa.kind, 'attempt', qa.attempt,
          'choices', qa.choices, 'textAnswer', qa.text_answer, 'notSure', qa.not_sure,
          'confidence', qa.confidence, 'correct', qa.correct, 'createdAt', qa.created_at) order by qa.created_at, qa.attempt)
        from quiz_answers qa where qa.user_id = ${studentId}),
      'activity', (
        select json_agg(x) from (
          select a.verb, a.object_type as "objectType", a.object_id as "objectId", a.result, a.created_at as at
          from activity_log a where a.actor_id = ${studentId}
          order by a.created_at desc limit ${TIMELINE_LIMIT}) x),
      'usage', (
        select json_agg(u order by u.day) from (
          select to_char((m.created_at at time zone ${tz})::date, 'YYYY-MM-DD') as day,
                 count(*) filter (where m.role = 'user')::int as messages,
                 sum(m.input_tokens + m.output_tokens)::int as tokens
          from playground_messages m
          join playground_conversations c on c.id = m.conversation_id and c.class_id = ${classId}
          where m.user_id = ${studentId}
            and m.created_at >= (${firstDay}::timestamp at time zone ${tz})
          group by 1) u),
      'ledger', (
        select json_agg(json_build_object('day', to_char(l.day, 'YYYY-MM-DD'), 'used', l.used))
        from token_ledger l
        where l.scope = 'student' and l.scope_id = ${studentId} and l.day >= ${firstDay}::date),
      'conversations', (
        select json_agg(c) from (
          select c.id, c.title, c.model, c.system_prompt as "systemPrompt", c.created_at as "createdAt", c.updated_at as "updatedAt",
                 ${conversationMessagesJson} as messages
          from playground_conversations c
          where c.user_id = ${studentId} and c.class_id = ${classId}
          order by c.updated_at desc limit ${TRANSCRIPT_LIMIT}) c),
      'conversation_count', (
        select count(*)::int from playground_conversations c where c.user_id = ${studentId} and c.class_id = ${classId}),
      'last_seen', ${lastSeenSql(sql`${studentId}::uuid`)},
      'policy', (select playground_policy from classes where id = ${classId})
    ) as detail`);
  return row!.detail;
}

export async function getStudentDetail(
  teacher: SessionUser,
  classId: string,
  studentId: string,
  ctx: ViewContext,
): Promise<StudentDetailView> {
  const student = await requireStudentOf(teacher, classId, studentId);
  const { locale, t } = ctx;
  const now = ctx.now ?? new Date();
  const usageDays = lastSchoolDays(USAGE_DAYS, now);
  const raw = await queryStudent(classId, student.id, usageDays[0]!);
  const index = questionIndex();
  const answers = raw.answers ?? [];

  const lessons: LessonDetail[] = getCourse().lessons.map((lesson) => {
    const p = raw.progress?.find((x) => x.lesson === lesson.slug);
    const steps = lesson.content[locale].steps;
    const { stepById } = lessonIndex(lesson).byLocale[locale];
    const state = !p ? "not_started" : p.status === "completed" ? "completed" : "in_progress";
    const atQuiz = state === "in_progress" && p?.currentStep === QUIZ_STEP;
    const stepNo = p?.currentStep && !atQuiz ? (stepById.get(p.currentStep)?.index ?? -1) + 1 : 0;
    const mine = answers.filter((a) => a.lesson === lesson.slug);
    // the latest quiz attempt's score, by the course's rule — the same number as the class page
    const quizRows = mine.filter((a) => a.kind === "quiz");
    const latestAttempt = quizRows.reduce((m, a) => Math.max(m, a.attempt), 0);
    const latestScore =
      latestAttempt > 0 ? scoreAttempt(quizRows.filter((a) => a.attempt === latestAttempt), lesson.quiz.length).score : null;
    const byQuestion = new Map<string, LessonDetail["questions"][number]>();
    for (const a of mine) {
      const found = index.get(`${a.lesson}/${a.questionId}`);
      const entry = byQuestion.get(a.questionId) ?? {
        id: a.questionId,
        kind: a.kind,
        prompt: found?.question.content[locale].prompt ?? a.questionId,
        attempts: [],
      };
      byQuestion.set(a.questionId, entry);
      entry.attempts.push(attemptView(a, found?.question, ctx));
    }
    return {
      slug: lesson.slug,
      number: lesson.number,
      title: lesson.content[locale].title,
      state,
      // the step they are on (the class page's matrix shows the furthest reached instead)
      status: statusLabel({ state, step: stepNo > 0 ? stepNo : null, steps: steps.length, atQuiz, overdue: false }, t),
      // content steps only: the quiz's pseudo-step and ids of removed steps do not count
      stepsDone: (p?.stepsDone ?? []).filter((id) => stepById.has(id)).length,
      steps: steps.length,
      currentStepTitle: state === "in_progress" && stepNo > 0 ? (steps[stepNo - 1]?.title ?? "") : "",
      time: formatDuration(p?.activeSeconds ?? 0, t),
      startedAt: formatDateTime(p?.startedAt),
      completedAt: formatDateTime(p?.completedAt),
      score: latestScore === null ? "" : formatScore(latestScore, lesson.quiz.length, t),
      questions: [...byQuestion.values()],
    };
  });

  const timeline: TimelineEntry[] = (raw.activity ?? []).map((e) => ({
    at: e.at,
    atLabel: formatDateTime(e.at),
    ...describe(e, index, locale, t),
  }));

  // Tokens per day: the budget ledger is the authority when it has the day; otherwise the
  // messages' own counts (a day before the ledger existed, or usage outside the ledger).
  const usageByDay = new Map((raw.usage ?? []).map((u) => [u.day, u]));
  const ledgerByDay = new Map((raw.ledger ?? []).map((l) => [l.day, l.used]));
  const days = usageDays.map((day) => ({
    day,
    messages: usageByDay.get(day)?.messages ?? 0,
    tokens: ledgerByDay.get(day) ?? usageByDay.get(day)?.tokens ?? 0,
  }));
  const budget = raw.policy?.studentDailyTokens ?? 0;
  const number = new Intl.NumberFormat(locale);

  const transcripts: Transcript[] = (raw.conversations ?? []).map((c) => transcriptOf(c, t));

  return {
    student: {
      id: student.id,
      displayName: student.displayName,
      username: student.username,
      lastSeen: formatAgo(raw.last_seen, now, locale, t),
    },
    lessons,
    timeline,
    usage: {
      days,
      budget,
      totalMessages: days.reduce((n, d) => n + d.messages, 0),
      totalTokens: days.reduce((n, d) => n + d.tokens, 0),
      overBudgetDays: budget > 0 ? days.filter((d) => d.tokens > budget).length : 0,
      labels: {
        budget: number.format(budget),
        totalMessages: number.format(days.reduce((n, d) => n + d.messages, 0)),
        totalTokens: number.format(days.reduce((n, d) => n + d.tokens, 0)),
      },
    },
    transcripts,
    conversationCount: raw.conversation_count,
  };
}
