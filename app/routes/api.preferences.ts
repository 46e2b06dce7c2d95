/**
 * The preference lab's class comparison.
 * GET  /api/preferences?lesson=<slug>            → the student's earlier choices and class totals
 * POST /api/preferences { lesson, pair, choice } → saves a student's choice, returns class totals
 * Only a signed-in student's choice is saved. Visitors (and staff trying the lesson) get an answer
 * with nothing saved and no class: the widget then compares with the AI judge only. Each client's
 * calls are budgeted per minute (widget-budget.server.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getLesson } from "~/course/course.server";
import { translator } from "~/i18n/catalogs.server";
import type { Translate } from "~/i18n/translate";
import { json, jsonError, readFields, validationError } from "~/components/widgets/api-input.server";
import { stored } from "~/utils/learner-write.server";
import { preferencePairs, type PreferencesResponse } from "~/course/widgets/widget-data";
import {
  MIN_CLASSMATES_FOR_TOTALS,
  classPreferenceCounts,
  myPreferences,
  savePreference,
} from "~/models/preferences.server";
import { getSessionUser } from "~/utils/session.server";
import { localeOf } from "~/utils/locale-of.server";
import { refuseOverBudget } from "~/models/widget-budget.server";

const lessonField = (t: Translate) =>
  z
    .string({ error: t("widget.api.unknownLesson") })
    .max(100, { error: t("widget.api.unknownLesson") })
    .refine((slug) => preferencePairs(getLesson(slug)?.data ?? {}, "en").length > 0, { error: t("widget.api.unknownLesson") });

const choiceSchema = (t: Translate) =>
  z
    .object({
      lesson: lessonField(t),
      pair: z.string({ error: t("widget.api.unknownPair") }).max(100, { error: t("widget.api.unknownPair") }),
      choice: z.enum(["a", "b"], { error: t("widget.api.badChoice") }),
    })
    .refine((v) => preferencePairs(getLesson(v.lesson)?.data ?? {}, "en").some((p) => p.id === v.pair), {
      error: t("widget.api.unknownPair"),
      path: ["pair"],
    });

const nobody: Omit<PreferencesResponse, "saved"> = {
  student: false,
  mine: {},
  classCounts: {},
  minClassmates: MIN_CLASSMATES_FOR_TOTALS,
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const refused = await refuseOverBudget(request, context, 1, user);
  if (refused) return refused;
  const t = translator(await localeOf(request));
  const parsed = z.object({ lesson: lessonField(t) }).safeParse(await readFields(request));
  if (!parsed.success) return validationError(parsed.error);
  if (user?.role !== "student") return json({ ...nobody, saved: false } satisfies PreferencesResponse);
  const { lesson } = parsed.data;
  const [mine, classCounts] = await Promise.all([myPreferences(user, lesson), classPreferenceCounts(user, lesson)]);
  return json({ ...nobody, student: true, saved: false, mine, classCounts } satisfies PreferencesResponse);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const refused = await refuseOverBudget(request, context, 1, user);
  if (refused) return refused;
  const t = translator(await localeOf(request));
  if (request.method !== "POST") return jsonError(t("widget.api.postOnly"), 405);
  const fields = await readFields(request);
  if (!fields) return jsonError(t("widget.api.badBody"));
  const parsed = choiceSchema(t).safeParse(fields);
  if (!parsed.success) return validationError(parsed.error);
  if (user?.role !== "student") return json({ ...nobody, saved: false } satisfies PreferencesResponse);
  const { lesson, pair, choice } = parsed.data;
  if (!(await stored("preference", () => savePreference(user, lesson, pair, choice)))) return jsonError(t("learn.saveFailed"), 503);
  const [mine, classCounts] = await Promise.all([myPreferences(user, lesson), classPreferenceCounts(user, lesson)]);
  return json({ ...nobody, student: true, saved: true, mine, classCounts } satisfies PreferencesResponse);
}
