/**
 * The preference lab's class comparison.
 * GET  /api/preferences?lesson=<slug>            → the student's earlier choices and class totals
 * POST /api/preferences { lesson, pair, choice } → saves a student's choice, returns class totals
 * Only a signed-in student's choice is saved. Visitors (and staff trying the lesson) get an answer
 * with nothing saved and no class: the widget then compares with the AI judge only. Each client's
 * calls are budgeted per minute (widget-budget.server.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n/catalogs.server";
import { fieldError, json, jsonError, readFields } from "~/components/widgets/api-input.server";
import { PreferenceChoiceSchema, PreferencesQuerySchema } from "~/forms/widget-api.server";
import { validate } from "~/utils/forms.server";
import { choosePreference, preferencesFor } from "~/models/preferences.server";
import { getSessionUser } from "~/utils/session.server";
import { localeOf } from "~/utils/locale-of.server";
import { refuseOverBudget } from "~/models/widget-budget.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const refused = await refuseOverBudget(request, context, 1, user);
  if (refused) return refused;
  const t = translator(await localeOf(request));
  const parsed = validate(PreferencesQuerySchema, (await readFields(request)) ?? {});
  if (!parsed.ok) return fieldError(parsed.errors, t);
  return json(await preferencesFor(user, parsed.data.lesson));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const refused = await refuseOverBudget(request, context, 1, user);
  if (refused) return refused;
  const t = translator(await localeOf(request));
  if (request.method !== "POST") return jsonError(t("widget.api.postOnly"), 405);
  const fields = await readFields(request);
  if (!fields) return jsonError(t("widget.api.badBody"));
  const parsed = validate(PreferenceChoiceSchema, fields);
  if (!parsed.ok) return fieldError(parsed.errors, t);
  const { lesson, pair, choice } = parsed.data;
  const result = await choosePreference(user, lesson, pair, choice);
  return result ? json(result) : jsonError(t("learn.saveFailed"), 503);
}
