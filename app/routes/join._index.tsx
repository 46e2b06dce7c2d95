import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { joinCodeProblem, normalizeJoinCode } from "~/models/join-code";

/** /join?code=… goes to /join/CODE; a malformed code shows the form again with a hint. */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null) return { problem: null, typed: "" };
  const code = normalizeJoinCode(raw.slice(0, 40));
  const problem = joinCodeProblem(code);
  if (!problem) throw redirect(`/join/${code}`);
  // the box keeps what the student typed, to correct rather than retype
  return { problem, typed: raw.slice(0, 12) };
}

export default function Join() {
  const { problem, typed } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.join.title")}</h1>
      <p className="muted">{t("auth.join.lead")}</p>
      {/* noValidate: the browser's own bubbles ("Please lengthen this text") speak its language, not the reader's; the server answers in theirs */}
      <Form method="get" className="card" noValidate>
        <Field
          name="code"
          label={t("auth.join.code")}
          hint={t("auth.join.codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={12}
          className="code-input"
          defaultValue={typed}
          error={problem ?? undefined}
        />
        <button type="submit" className="primary">
          {t("auth.join.find")}
        </button>
      </Form>
    </main>
  );
}
