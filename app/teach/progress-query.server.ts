/**
 * The class page's sort and filter, from the query string (a GET never errors: anything
 * unexpected falls back to the default). The gradebook export shows the same rows in the same
 * order.
 */
import { byStudentName } from "~/utils/name-order";
import { z } from "zod";
import type { Locale } from "~/i18n/locales";
import type { StudentProgress } from "./class-page.server";

export const SORTS = ["name", "progress", "last-seen", "help"] as const;
export const SHOWS = ["all", "help", "active", "not-started"] as const;
/** Which lessons are columns: all seven, or only those assigned to the class (when any are). */
export const LESSON_COLUMNS = ["all", "assigned"] as const;
export type ProgressQuery = { sort: (typeof SORTS)[number]; show: (typeof SHOWS)[number]; q: string; lessons: (typeof LESSON_COLUMNS)[number] };

/** The query string's schema: the search box's limit is read from it (searchMaxLength). */
const ProgressQuerySchema = z.object({
  sort: z.enum(SORTS).catch("name"),
  show: z.enum(SHOWS).catch("all"),
  q: z.string().trim().max(80).catch(""),
  lessons: z.enum(LESSON_COLUMNS).catch("all"),
});

/** The search box's maxlength: the schema's own limit, so the form and the parser agree. */
export const searchMaxLength = ProgressQuerySchema.shape.q.unwrap().maxLength ?? undefined;

/** Sort and filter from the query string; anything unexpected falls back to the default (a GET never errors). */
export function parseProgressQuery(search: URLSearchParams): ProgressQuery {
  return ProgressQuerySchema.parse({
    sort: search.get("sort") ?? undefined,
    show: search.get("show") ?? undefined,
    q: search.get("q") ?? "",
    lessons: search.get("lessons") ?? undefined,
  });
}

function progressRank(s: StudentProgress): number {
  // completed lessons count fully, a lesson in progress by its share of steps
  return s.cells.reduce((sum, c) => sum + (c.state === "completed" ? 1 : c.state === "in_progress" ? (c.atQuiz ? c.steps : (c.step ?? 0)) / (c.steps + 1) : 0), 0);
}

/** The page's sort and filter, shared by the page and the gradebook export. */
export function sortAndFilter(students: StudentProgress[], query: ProgressQuery, locale: Locale): StudentProgress[] {
  const needle = query.q.toLocaleLowerCase(locale);
  const shown = students.filter((s) => {
    if (needle && !s.displayName.toLocaleLowerCase(locale).includes(needle) && !s.username.toLowerCase().includes(needle)) {
      return false;
    }
    switch (query.show) {
      case "help":
        return s.signals.length > 0;
      case "active":
        return s.activeNow;
      case "not-started":
        return s.cells.every((c) => c.state === "not_started");
      default:
        return true;
    }
  });
  const byName = byStudentName(locale);
  const compare: Record<ProgressQuery["sort"], (a: StudentProgress, b: StudentProgress) => number> = {
    name: byName,
    progress: (a, b) => progressRank(b) - progressRank(a) || byName(a, b),
    "last-seen": (a, b) => (b.lastSeenAt ?? "").localeCompare(a.lastSeenAt ?? "") || byName(a, b),
    help: (a, b) => b.signals.length - a.signals.length || byName(a, b),
  };
  return shown.sort(compare[query.sort]);
}
