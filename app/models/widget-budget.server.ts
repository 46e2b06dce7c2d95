/**
 * The guard of the public widget APIs (/api/tokenize, /api/next-token, /api/preferences): they
 * are open to visitors and cost CPU, so each client gets a budget of work per minute.
 *
 * - A signed-in person is one client, wherever they are: a classmate's loop cannot use up their
 *   budget.
 * - A visitor is known only by address, and a school puts a whole class behind one address
 *   (NAT). That budget is sized for 30 visitors using the widgets at once: each call costs 1
 *   plus a share for its size, a learner typing in the tokenizer makes about one call a second
 *   at the most, and 30 learners stay well under the budget; one script looping from that
 *   address runs out within a minute, for at most a minute.
 * Over budget: 429 with Retry-After and a message in the learner's language, which the widgets
 * show in place of their result.
 */
import { translator } from "~/i18n/catalogs.server";
import { spend } from "~/models/request-rates.server";
import { clientAddress } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { carriesSessionCookie } from "~/utils/session-cookie.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";

/** Work units per minute. */
export const WIDGET_BUDGET = { user: 600, address: 3_000 } as const;

/** One unit per call, plus one per `per` characters of text it works on. */
export function sizeCost(characters: number, per = 250): number {
  return 1 + Math.floor(characters / per);
}

/**
 * Spends `cost` from the client's budget: null when it was there, else the answer to give, in
 * the learner's language, and how long to wait. The widgets' APIs answer with it as a 429
 * (refuseOverBudget); a lesson page tried without JavaScript shows it in the widget's place.
 */
export async function overBudget(
  request: Request,
  context: { clientAddress?: string } | undefined,
  cost: number,
  knownUser?: SessionUser | null,
): Promise<{ message: string; retryAfterSeconds: number } | null> {
  const user = knownUser !== undefined ? knownUser : (await carriesSessionCookie(request)) ? await getSessionUser(request) : null;
  const spent = user
    ? await spend("widgets:user", user.id, cost, WIDGET_BUDGET.user)
    : await spend("widgets:address", clientAddress(context), cost, WIDGET_BUDGET.address);
  if (spent.ok) return null;
  const t = translator(await localeOf(request));
  return { message: t("limit.tooMany.body", { count: spent.retryAfterSeconds }), retryAfterSeconds: spent.retryAfterSeconds };
}

export async function refuseOverBudget(
  request: Request,
  context: { clientAddress?: string } | undefined,
  cost: number,
  knownUser?: SessionUser | null,
): Promise<Response | null> {
  const over = await overBudget(request, context, cost, knownUser);
  if (!over) return null;
  return Response.json(
    { error: over.message },
    { status: 429, headers: { "Retry-After": String(over.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
