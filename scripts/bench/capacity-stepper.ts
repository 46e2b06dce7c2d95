/**
 * The capacity benchmark's decisions, apart from any load: which number of students to try next,
 * whether a level was held, and what the run found. A level is held when its pages' p95 stayed
 * within the limit and nothing failed; the sweep stops at the first level that was not held (or
 * when the next would not fit in the time left), and the capacity is the last level held.
 */
import { percentile } from "./load";

/** Beyond any 2-core server, and beyond what the time cap lets a sweep reach. */
export const MAX_CAPACITY_LEVEL = 20_000;

/** The levels tried, in order: 100, 200, 400, 800, then 400 more each time, up to `maxStudents`. */
export function capacityLevels(maxStudents = MAX_CAPACITY_LEVEL): number[] {
  const levels: number[] = [];
  for (let n = 100; n <= maxStudents; n = n < 800 ? n * 2 : n + 400) levels.push(n);
  return levels;
}

export interface LevelMeasure {
  students: number;
  /** Milliseconds of every page a student waited for in the measured window (in flight at its end: so far). */
  pageMs: number[];
  errors: number;
}

export interface LevelVerdict {
  students: number;
  pages: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
  held: boolean;
  /** Why not held: "p95" (too slow), "errors", or "no pages" (nothing was measured). */
  reason: "p95" | "errors" | "no pages" | null;
}

/** Held: at least one page measured, p95 within `maxP95Ms`, and no error at all. */
export function judgeLevel(level: LevelMeasure, maxP95Ms: number): LevelVerdict {
  const p95Ms = percentile(level.pageMs, 95);
  const base = { students: level.students, pages: level.pageMs.length, p50Ms: percentile(level.pageMs, 50), p95Ms, errors: level.errors };
  if (level.errors > 0) return { ...base, held: false, reason: "errors" };
  if (level.pageMs.length === 0) return { ...base, held: false, reason: "no pages" };
  if (p95Ms > maxP95Ms) return { ...base, held: false, reason: "p95" };
  return { ...base, held: true, reason: null };
}

export interface SweepOptions<T extends LevelVerdict> {
  levels: number[];
  /** Runs one level (adds students up to `students`, measures a window) and judges it. */
  runLevel: (students: number) => Promise<T>;
  /** Milliseconds one level takes (ramp + measured window), to not start one that cannot finish. */
  levelMs: number;
  /** The run's end (epoch ms): no level starts that would end after it. */
  deadline: number;
  now?: () => number;
}

export interface SweepResult<T extends LevelVerdict> {
  /** The last level held, or null when even the first was not. */
  held: T | null;
  /** The level that was not held, or null when the sweep ended for another reason. */
  failed: T | null;
  /** Every level run, in order. */
  levels: T[];
  /** Why the sweep ended. */
  ended: "not held" | "time cap" | "last level";
}

/** Steps up through `levels` until one is not held, the time runs out or the levels end. */
export async function sweep<T extends LevelVerdict>(options: SweepOptions<T>): Promise<SweepResult<T>> {
  const now = options.now ?? Date.now;
  const levels: T[] = [];
  let held: T | null = null;
  for (const students of options.levels) {
    if (now() + options.levelMs > options.deadline) return { held, failed: null, levels, ended: "time cap" };
    const verdict = await options.runLevel(students);
    levels.push(verdict);
    if (!verdict.held) return { held, failed: verdict, levels, ended: "not held" };
    held = verdict;
  }
  return { held, failed: null, levels, ended: "last level" };
}
