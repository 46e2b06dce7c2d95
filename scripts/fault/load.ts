/**
 * The fault suite's traffic: students pressing "Next" (each press a distinct step of a distinct
 * student, so every acknowledged write can be looked for afterwards), students reading a lesson
 * page, and a /healthz probe. Every request has a timeout, every answer is timed.
 */
import type postgres from "postgres";
import type { BenchStudent, CourseLesson } from "../bench/classroom";
import { sleep } from "../bench/load";

/** One answered (or failed) request. */
export interface Answer {
  /** performance.now() when it was sent. */
  sentAt: number;
  ms: number;
  /** HTTP status; 0 = no answer (connection refused or reset, or timed out). */
  status: number;
  timedOut: boolean;
}

/** Longest any request of the suite may wait; beyond it counts as "no answer". */
export const REQUEST_TIMEOUT_MS = 30_000;

async function timed(send: (signal: AbortSignal) => Promise<Response>): Promise<Answer> {
  const sentAt = performance.now();
  try {
    const res = await send(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    await res.arrayBuffer();
    return { sentAt, ms: performance.now() - sentAt, status: res.status, timedOut: false };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { sentAt, ms: performance.now() - sentAt, status: 0, timedOut };
  }
}

/** A step write: student index and "slug#step". */
interface StepWrite {
  student: number;
  key: string;
}

/**
 * Workers pressing "Next" until stopped, against whatever server(s) `targets()` names at the
 * moment (the suite swaps servers while it kills and restarts them). With two targets, every
 * write is sent to both at once: two app processes racing on the same row.
 */
export class StepWriter {
  readonly acknowledged = new Map<number, Set<string>>();
  readonly answers: Answer[] = [];
  sent = 0;
  private next = 0;
  /** Writes nobody answered (server down): sent again rather than using up new steps. */
  private unanswered: StepWrite[] = [];
  private running: Promise<void>[] = [];
  private stopping = false;
  private readonly writes: number;

  constructor(
    private readonly students: readonly BenchStudent[],
    private readonly lessons: readonly CourseLesson[],
    private readonly targets: () => readonly string[],
  ) {
    this.writes = students.length * lessons.reduce((n, l) => n + l.steps.length, 0);
  }

  /** Acknowledged writes so far (a 302 from the lesson page's action). */
  get ackCount(): number {
    let n = 0;
    for (const set of this.acknowledged.values()) n += set.size;
    return n;
  }

  /** A copy of the acknowledged writes, for "everything acknowledged before X" checks. */
  snapshot(): Map<number, Set<string>> {
    return new Map([...this.acknowledged].map(([k, v]) => [k, new Set(v)]));
  }

  start(concurrency: number): void {
    this.stopping = false;
    for (let w = 0; w < concurrency; w++) this.running.push(this.work());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
    this.running = [];
  }

  /** Student i % n, then their next step: neighbours in time are different students (no row contention). */
  private take(): StepWrite | null {
    const again = this.unanswered.shift();
    if (again) return again;
    if (this.next >= this.writes) return null;
    const i = this.next++;
    const student = i % this.students.length;
    let k = Math.floor(i / this.students.length);
    for (const lesson of this.lessons) {
      if (k < lesson.steps.length) return { student, key: `${lesson.slug}#${lesson.steps[k]}` };
      k -= lesson.steps.length;
    }
    return null;
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const write = this.take();
      if (!write) return;
      const [slug, step] = write.key.split("#") as [string, string];
      const cookie = this.students[write.student]!.cookie;
      const answers = await Promise.all(
        this.targets().map((base) =>
          timed((signal) =>
            fetch(`${base}/learn/${slug}?step=${step}`, {
              method: "POST",
              redirect: "manual",
              signal,
              headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({ intent: "next", step, seconds: "1" }).toString(),
            }),
          ),
        ),
      );
      this.sent++;
      this.answers.push(...answers);
      if (answers.some((a) => a.status === 302 || a.status === 303)) {
        let set = this.acknowledged.get(write.student);
        if (!set) this.acknowledged.set(write.student, (set = new Set()));
        set.add(write.key);
      }
      // Nothing answers (the server is being restarted): send it again later, do not spin.
      if (answers.every((a) => a.status === 0)) {
        this.unanswered.push(write);
        await sleep(50);
      }
    }
  }
}

/** A student re-reading a lesson page in a loop: the answers a class sees during a fault. */
export class PageReader {
  readonly answers: Answer[] = [];
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly student: BenchStudent,
    private readonly path: string,
    private readonly target: () => string,
  ) {}

  start(): void {
    this.stopping = false;
    this.loop = (async () => {
      while (!this.stopping) {
        const base = this.target();
        this.answers.push(await timed((signal) => fetch(`${base}${this.path}`, { headers: { cookie: this.student.cookie }, signal })));
        await sleep(100);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }
}

/** GET /healthz one after another (a load balancer's probe), every 100 ms. */
export class HealthProbe {
  readonly answers: Answer[] = [];
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly target: () => string) {}

  start(): void {
    this.stopping = false;
    this.loop = (async () => {
      while (!this.stopping) {
        const base = this.target();
        this.answers.push(await timed((signal) => fetch(`${base}/healthz`, { signal })));
        await sleep(100);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }

  /** Ms from `since` until an answer with this status arrived (answer time, not send time), or null. */
  firstAnswered(status: number, since: number): number | null {
    const hit = this.answers.find((a) => a.sentAt >= since - 1 && a.status === status);
    return hit ? hit.sentAt + hit.ms - since : null;
  }

  /** Waits until a probe sent after `since` answers `status`, at most `ms`. */
  async waitFor(status: number, since: number, ms: number): Promise<number | null> {
    const deadline = since + ms;
    while (performance.now() < deadline) {
      const t = this.firstAnswered(status, since);
      if (t !== null) return t;
      await sleep(50);
    }
    return this.firstAnswered(status, since);
  }
}

export interface StoredCheck {
  acknowledged: number;
  /** Acknowledged writes missing from lesson_progress. */
  lost: number;
  /** Steps in lesson_progress without their "completed-step" activity row (a half-saved step). */
  halfSaved: number;
  /** A step counted twice in one row, or logged twice. */
  duplicated: number;
}

/** Looks for every acknowledged write in the database, and for half-saved or doubled steps. */
export async function checkStored(sql: postgres.Sql, students: readonly BenchStudent[], acknowledged: Map<number, Set<string>>): Promise<StoredCheck> {
  const ids = students.map((s) => s.id);
  const rows = await sql<{ user_id: string; key: string; n: number }[]>`
    select user_id, lesson_slug || '#' || step as key, count(*)::int as n
    from lesson_progress, unnest(steps_done) as step
    where user_id = any(${ids}::uuid[]) group by 1, 2`;
  const logged = await sql<{ actor_id: string; key: string; n: number }[]>`
    select actor_id, object_id as key, count(*)::int as n from activity_log
    where actor_id = any(${ids}::uuid[]) and verb = 'completed-step' group by 1, 2`;
  const stored = new Set(rows.map((r) => `${r.user_id} ${r.key}`));
  const log = new Set(logged.map((r) => `${r.actor_id} ${r.key}`));
  let lost = 0;
  let count = 0;
  for (const [student, keys] of acknowledged) {
    for (const key of keys) {
      count++;
      if (!stored.has(`${ids[student]} ${key}`)) lost++;
    }
  }
  const halfSaved = [...stored].filter((k) => !log.has(k)).length + [...log].filter((k) => !stored.has(k)).length;
  const duplicated = rows.filter((r) => r.n > 1).length + logged.filter((r) => r.n > 1).length;
  return { acknowledged: count, lost, halfSaved, duplicated };
}
