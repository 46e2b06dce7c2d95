/**
 * GET or POST /api/next-token: the mini model's top next tokens after `context`, each with its
 * chance of being picked at `temperature`; with `mode` "top" or "sample" it first adds `count`
 * pieces. Public, like the lessons: nothing is stored; the work per call is bounded (text length,
 * top-k, pieces added) and each client's calls by a budget per minute (widget-budget.server.ts).
 *
 * Fields: context (text, ≤ 2,000 characters), temperature (0–2, default 1), topK (1–40,
 * default 40), mode (peek | top | sample, default peek), count (0–20, default 1), minPieces (0–20:
 * pieces to add before the text may end, default 0), locale, seed. The answer says `support` when
 * the text reads as a crisis or low mood (app/playground/low-mood.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { translator } from "~/i18n/catalogs.server";
import { fieldError, json, jsonError, readFields } from "~/components/widgets/api-input.server";
import { NextTokenSchema } from "~/forms/widget-api.server";
import { validate } from "~/utils/forms.server";
import { nextTokenStep } from "~/components/widgets/next-token.server";
import { localeOf } from "~/utils/locale-of.server";
import { refuseOverBudget, sizeCost } from "~/models/widget-budget.server";
import { feelingsIn } from "~/playground/low-mood";

/** The budget a call spends: its text, plus one unit per piece it adds (each is a model step). */
function costOf(input: z.infer<typeof NextTokenSchema>): number {
  return sizeCost(input.context.length, 500) + (input.mode === "peek" ? 0 : input.count);
}

async function answer({ request, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  const t = translator(await localeOf(request));
  const fields = await readFields(request);
  const parsed = fields ? validate(NextTokenSchema, fields) : null;
  const refused = await refuseOverBudget(request, context, parsed?.ok ? costOf(parsed.data) : 1);
  if (refused) return refused;
  if (!parsed) return jsonError(t("widget.api.badBody"));
  if (!parsed.ok) return fieldError(parsed.errors, t);
  // What the student typed, read as the playground reads a message: nothing here is stored and no
  // adult sees it, so a crisis or low mood only gets the widget's pointer to help.
  const support = feelingsIn(parsed.data.context);
  return json({ ...nextTokenStep(parsed.data), ...(support ? { support } : {}) });
}

export function loader(args: LoaderFunctionArgs) {
  return answer(args);
}

export function action(args: ActionFunctionArgs) {
  return answer(args);
}
