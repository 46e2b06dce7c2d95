import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { FlagDecisionSchema } from "~/forms/safeguarding.server";
import { decideFlag } from "~/models/flags.server";
import { requireTeacherOf } from "~/models/classes.server";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate } from "~/utils/forms.server";

/**
 * POST /teach/classes/:classId/flags — "reviewed" or "dismissed" for one flagged message, from
 * the flagged list on the playground tab. Answers with a redirect back to that list, so a plain
 * form works without JavaScript; the result travels in ?flag= and is announced there.
 * Nothing here deletes: the decision is recorded and logged (see flags.server.ts).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const back = (outcome: string) => redirect(`/teach/classes/${cls.id}/playground?flag=${outcome}#flags`);
  const parsed = validate(FlagDecisionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return back("invalid");
  await decideFlag(teacher, cls.id, parsed.data.messageId, parsed.data.decision);
  return back(parsed.data.decision);
}

/** A GET here (someone typed the address) goes to the list itself: no GET changes anything. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  return redirect(`/teach/classes/${cls.id}/playground#flags`);
}
