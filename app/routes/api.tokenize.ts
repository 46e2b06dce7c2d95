/**
 * POST /api/tokenize { text } → { text, pieces, count, characters }: the tokenizer widget's
 * server side (Claude's published tokenizer is too big for the browser). Public, like the
 * lessons: it stores nothing. Each call's work is bounded by the length limit (worst case
 * measured ≈ 50 ms: 2,000 copies of one Chinese character), and each client's calls by a budget
 * per minute (widget-budget.server.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { tokenize } from "~/course/tokenizer.server";
import { translator } from "~/i18n/catalogs.server";
import { fieldError, json, jsonError, readFields } from "~/components/widgets/api-input.server";
import { TokenizeSchema } from "~/forms/widget-api.server";
import { validate } from "~/utils/forms.server";
import { characterCount } from "~/components/widgets/server-data.server";
import { localeOf } from "~/utils/locale-of.server";
import { refuseOverBudget, sizeCost } from "~/models/widget-budget.server";
import { feelingsIn } from "~/playground/low-mood";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(await localeOf(request));
  return jsonError(t("widget.api.postOnly"), 405);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(await localeOf(request));
  if (request.method !== "POST") return jsonError(t("widget.api.postOnly"), 405);
  const fields = await readFields(request);
  const parsed = fields ? validate(TokenizeSchema, fields) : null;
  const refused = await refuseOverBudget(request, context, parsed?.ok ? sizeCost(parsed.data.text.length) : 1);
  if (refused) return refused;
  if (!parsed) return jsonError(t("widget.api.badBody"));
  if (!parsed.ok) return fieldError(parsed.errors, t);
  const { text } = parsed.data;
  const { pieces, count } = tokenize(text);
  const support = feelingsIn(text); // as in /api/next-token: a pointer to help, nothing stored
  return json({ text, pieces, count, characters: characterCount(text), ...(support ? { support } : {}) });
}
