import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { HandleAlertSchema } from "~/forms/safeguarding.server";
import { markSafeguardingHandled } from "~/models/safeguarding.server";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate } from "~/utils/forms.server";

/**
 * Only pages that show the red alert or its one-line notice (a class's tabs, a student's page);
 * anything else goes back to /teach (no open redirect).
 */
const BACK = /^\/(?:teach|admin|teach\/classes\/[0-9a-f-]{36}(?:\/[a-z]+|\/students\/[0-9a-f-]{36})?)$/;

/**
 * POST /teach/safeguarding — "mark handled" with a note, from the red alert on /teach, a class
 * page or /admin. Answers with a redirect back, so a plain form works without JavaScript; the
 * outcome travels in ?safeguarding= and is announced there. Nothing is deleted: the note and who
 * wrote it go to the flag's audit trail.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = formObject(await readForm(request));
  const backPath = typeof form.back === "string" && BACK.test(form.back) ? form.back : "/teach";
  const back = (outcome: string) => redirect(`${backPath}?safeguarding=${outcome}`);
  const parsed = validate(HandleAlertSchema, form);
  if (!parsed.ok) return back("note");
  // Another class's or school's message is a 404 (thrown); one a colleague already handled is "gone".
  return back(await markSafeguardingHandled(user, parsed.data.messageId, parsed.data.note));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return redirect("/teach");
}
