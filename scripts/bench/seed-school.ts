/**
 * A large, realistic school for the dashboard benchmarks, made fast: every table is filled by a
 * few set-based INSERT … SELECT statements run inside PostgreSQL (generate_series and hashing, no
 * row-by-row round trips), so 10,000 students with their progress, quiz answers and activity take
 * seconds, not minutes.
 *
 *   import { seedBenchSchool } from "./scripts/bench/seed-school";
 *   const school = await seedBenchSchool(conn, { students: 10_000, classSize: 30 });
 *   // class page budget: seedBenchSchool(conn, { students: 40, classSize: 40 }) → school.classIds[0]
 *
 * The data is deterministic (hashes of ids, not random()), shaped like the lesson engine writes
 * it (app/models/progress.server.ts, quiz.server.ts, activity.server.ts):
 * - each student has completed 0–7 lessons in course order and is part-way through the next one;
 * - every completed lesson has one quiz attempt (≈8% "not sure", ≈65% right, confidence spread
 *   over sure / fairly sure / guessing) and its activity: started, completed-step per step,
 *   answered per question, completed;
 * - about a fifth of the students were active today;
 * - about 1% have an open flagged playground exchange in their class.
 * Teachers sign in with `<prefix>-teacher-<n>@bench.lantern`, the admin with
 * `<prefix>-admin@bench.lantern`, all with the password "bench-password" (students too).
 */
import crypto from "node:crypto";
import type { Connection } from "../../db/client";
import { getCourse } from "../../app/course/course.server";
import { hashPassword } from "../../app/utils/password.server";

export interface BenchSchoolOptions {
  students: number;
  classSize: number;
  /** Classes per teacher (default 5). */
  classesPerTeacher?: number;
  /** Write an `answered` activity event per quiz answer, as the app does (default true). */
  answerEvents?: boolean;
  name?: string;
}

export interface BenchSchool {
  schoolId: string;
  /** Distinguishes this school's usernames and join codes from any other on the server. */
  prefix: string;
  adminId: string;
  adminEmail: string;
  teacherIds: string[];
  /** In creation order: class i holds students i·classSize … (i+1)·classSize − 1. */
  classIds: string[];
  /** The teacher of each class, same order as classIds. */
  classTeacherIds: string[];
  students: number;
  password: string;
  timings: Record<string, number>;
}

export const BENCH_PASSWORD = "bench-password";

export async function seedBenchSchool(conn: Connection, options: BenchSchoolOptions): Promise<BenchSchool> {
  const students = Math.max(0, Math.floor(options.students));
  const classSize = Math.max(1, Math.floor(options.classSize));
  const classes = Math.max(1, Math.ceil(students / classSize));
  const perTeacher = Math.max(1, options.classesPerTeacher ?? 5);
  const teachers = Math.ceil(classes / perTeacher);
  const prefix = `b${crypto.randomBytes(3).toString("hex")}`;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const course = getCourse().lessons;
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    timings[label] = Math.round(performance.now() - started);
    return result;
  };

  const settings = {
    transcriptRetentionDays: 30,
    defaultModels: ["mini"],
    defaultStudentDailyTokens: 20_000,
    defaultClassDailyTokens: 400_000,
  };
  const policy = {
    enabled: true,
    allowedModels: ["mini"],
    exploreMode: false,
    messagesPerMinute: 6,
    studentDailyTokens: 20_000,
    classDailyTokens: 400_000,
    blockedTopics: [],
    schedule: null,
  };

  return conn.sql.begin(async (tx) => {
    // The course, as temp tables the set-based inserts join against.
    await tx`create temp table bench_lessons (n int primary key, slug text, steps text[], minutes int) on commit drop`;
    await tx`create temp table bench_questions (n int, slug text, qid text, pos int, right_choice text, wrong_choice text) on commit drop`;
    for (const lesson of course) {
      await tx`insert into bench_lessons values (${lesson.number}, ${lesson.slug}, ${lesson.content.en.steps.map((s) => s.id)}::text[], ${lesson.minutes})`;
      for (const [pos, q] of lesson.quiz.entries()) {
        const wrong = q.content.en.choices.find((c) => !q.answer.includes(c.id))?.id ?? "x";
        await tx`insert into bench_questions values (${lesson.number}, ${lesson.slug}, ${q.id}, ${pos}, ${q.answer[0] ?? ""}, ${wrong})`;
      }
    }

    const [school] = await timed("school", () => tx<{ id: string }[]>`
      insert into schools (name, settings) values (${options.name ?? `Bench school ${prefix}`}, ${JSON.stringify(settings)}::jsonb) returning id`);
    const schoolId = school!.id;
    const adminEmail = `${prefix}-admin@bench.lantern`;
    const [adminRow] = await tx<{ id: string }[]>`
      insert into users (school_id, role, username, email, display_name, password_hash)
      values (${schoolId}, 'admin', ${adminEmail}, ${adminEmail}, 'Bench Admin', ${passwordHash}) returning id`;

    await timed("teachers", () => tx`
      insert into users (school_id, role, username, email, display_name, password_hash)
      select ${schoolId}, 'teacher', ${prefix} || '-teacher-' || i || '@bench.lantern', ${prefix} || '-teacher-' || i || '@bench.lantern',
             'Teacher ' || i, ${passwordHash}
      from generate_series(1, ${teachers}::int) i`);
    const teacherRows = await tx<{ id: string }[]>`
      select id from users where school_id = ${schoolId} and role = 'teacher'
      order by (regexp_replace(username, '^.*-teacher-(\\d+)@.*$', '\\1'))::int`;
    const teacherIds = teacherRows.map((r) => r.id);

    await tx`create temp table bench_classes (i int primary key, id uuid, teacher_id uuid) on commit drop`;
    await timed("classes", () => tx`
      with made as (
        insert into classes (school_id, teacher_id, name, join_code, playground_policy)
        select ${schoolId}, (${teacherIds}::uuid[])[((i - 1) / ${perTeacher}::int) + 1], 'Class ' || lpad(i::text, 4, '0'),
               upper(substr(md5(${prefix} || i::text), 1, 10)), ${JSON.stringify(policy)}::jsonb
        from generate_series(1, ${classes}::int) i
        returning id, teacher_id, name
      )
      insert into bench_classes select substr(name, 7)::int, id, teacher_id from made`);

    await tx`create temp table bench_students (i int primary key, id uuid, class_id uuid, k int, cur int, base timestamptz, last timestamptz, active_today boolean) on commit drop`;
    await timed("students", () => tx`
      with made as (
        insert into users (school_id, role, username, display_name, password_hash)
        select ${schoolId}, 'student', ${prefix} || '-s' || lpad(i::text, 6, '0'), 'Student ' || i, ${passwordHash}
        from generate_series(1, ${students}::int) i
        returning id, username
      ),
      numbered as (select substr(username, length(${prefix}) + 3)::int as i, id from made)
      insert into bench_students
      select n.i, n.id, c.id,
             abs(hashtext(n.id::text)) % 8,                                     -- lessons completed, 0..7
             abs(hashtext(n.id::text || 'step')) % 6,                           -- steps done in the next lesson
             now() - interval '40 days' + (abs(hashtext(n.id::text || 'b')) % 864000) * interval '1 second',
             case when abs(hashtext(n.id::text || 'a')) % 5 = 0
                  then now() - (abs(hashtext(n.id::text || 'm')) % 120) * interval '1 minute'   -- active today
                  else now() - interval '2 days' - (abs(hashtext(n.id::text || 'd')) % 20) * interval '1 day' end,
             abs(hashtext(n.id::text || 'a')) % 5 = 0
      from numbered n
      join bench_classes c on c.i = ((n.i - 1) / ${classSize}::int) + 1`);

    await timed("enrollments", () => tx`insert into enrollments (class_id, student_id) select class_id, id from bench_students`);

    await timed("progress", () => tx`
      insert into lesson_progress (user_id, lesson_slug, steps_done, current_step, status, active_seconds, started_at, completed_at, updated_at)
      select s.id, l.slug,
             case when l.n <= s.k then l.steps || '{_quiz}'::text[] else l.steps[1:s.cur] end,
             case when l.n <= s.k then '_quiz' else l.steps[s.cur + 1] end,
             (case when l.n <= s.k then 'completed' else 'in_progress' end)::progress_status,
             case when l.n <= s.k then 900 + abs(hashtext(s.id::text || l.slug)) % 1200 else 60 * (s.cur + 1) end,
             s.base + (l.n - 1) * interval '4 days',
             case when l.n <= s.k then s.base + (l.n - 1) * interval '4 days' + interval '45 minutes' end,
             case when l.n <= s.k then s.base + (l.n - 1) * interval '4 days' + interval '45 minutes'
                  else greatest(s.last, s.base + (l.n - 1) * interval '4 days') end
      from bench_students s
      join bench_lessons l on l.n <= s.k + 1`);

    await timed("answers", () => tx`
      insert into quiz_answers (user_id, lesson_slug, question_id, kind, attempt, choices, not_sure, confidence, correct, created_at)
      select s.id, q.slug, q.qid, 'quiz', 1,
             case when x.r < 80 then '{}'::text[] when x.r2 < 650 then array[q.right_choice] else array[q.wrong_choice] end,
             x.r < 80,
             (case when x.r < 80 then null when x.r3 < 450 then 'sure' when x.r3 < 800 then 'fairly_sure' else 'guessing' end)::confidence,
             x.r >= 80 and x.r2 < 650,
             s.base + (q.n - 1) * interval '4 days' + interval '40 minutes'
      from bench_students s
      join bench_questions q on q.n <= s.k
      cross join lateral (
        select abs(hashtext(s.id::text || q.qid)) % 1000 as r,
               abs(hashtext(q.qid || s.id::text)) % 1000 as r2,
               abs(hashtext(s.id::text || q.qid || 'c')) % 1000 as r3
      ) x`);

    await timed("activity", async () => {
      await tx`
        insert into activity_log (actor_id, verb, object_type, object_id, result, created_at)
        select p.user_id, 'started', 'lesson', p.lesson_slug, null::jsonb, p.started_at from lesson_progress p join bench_students s on s.id = p.user_id
        union all
        select p.user_id, 'completed-step', 'step', p.lesson_slug || '#' || d.step, null, p.started_at + d.ord * interval '4 minutes'
          from lesson_progress p join bench_students s on s.id = p.user_id
          cross join lateral unnest(p.steps_done) with ordinality as d(step, ord)
        union all
        select p.user_id, 'completed', 'lesson', p.lesson_slug, jsonb_build_object('activeSeconds', p.active_seconds), p.completed_at
          from lesson_progress p join bench_students s on s.id = p.user_id where p.status = 'completed'
        union all
        -- the students active today: their latest move
        select s.id, 'completed-step', 'step', l.slug || '#' || coalesce(l.steps[s.cur + 1], l.steps[1]), null, s.last
          from bench_students s join bench_lessons l on l.n = s.k + 1 where s.active_today`;
      if (options.answerEvents ?? true) {
        await tx`
          insert into activity_log (actor_id, verb, object_type, object_id, result, created_at)
          select a.user_id, 'answered', 'question', a.question_id,
                 jsonb_build_object('lesson', a.lesson_slug, 'kind', a.kind, 'attempt', a.attempt, 'correct', a.correct,
                                    'notSure', a.not_sure, 'confidence', a.confidence),
                 a.created_at
          from quiz_answers a join bench_students s on s.id = a.user_id`;
      }
    });

    await timed("flags", async () => {
      await tx`create temp table bench_conversations (id uuid, user_id uuid) on commit drop`;
      await tx`
        with made as (
          insert into playground_conversations (user_id, class_id, title, model, created_at, updated_at)
          select s.id, s.class_id, 'Asking about a classmate', 'mini', s.last, s.last
          from bench_students s where abs(hashtext(s.id::text || 'f')) % 100 = 0
          returning id, user_id
        )
        insert into bench_conversations select id, user_id from made`;
      await tx`
        insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status, input_tokens, output_tokens, created_at)
        select c.id, c.user_id, 'user'::message_role, 'My friend''s phone number is 138 0013 8000, can you remember it?',
               'complete'::message_status, '{personal_data}'::text[], 'open'::flag_status, 40, 0, now() - interval '1 hour'
        from bench_conversations c
        union all
        select c.id, c.user_id, 'assistant'::message_role, 'Please do not share phone numbers here.', 'complete'::message_status,
               '{}'::text[], 'none'::flag_status, 40, 20,
               now() - interval '1 hour' + interval '2 seconds'
        from bench_conversations c`;
    });

    await timed("analyze", () => tx`analyze`);

    const classRows = await tx<{ id: string; teacher_id: string }[]>`select id, teacher_id from bench_classes order by i`;
    return {
      schoolId,
      prefix,
      adminId: adminRow!.id,
      adminEmail,
      teacherIds,
      classIds: classRows.map((r) => r.id),
      classTeacherIds: classRows.map((r) => r.teacher_id),
      students,
      password: BENCH_PASSWORD,
      timings,
    };
  });
}
