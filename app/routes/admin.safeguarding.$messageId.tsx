import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AlertHistory, HandleAlertForm } from "~/components/teach/safeguarding-alerts";
import { Transcript } from "~/components/teach/transcript";
import { useT } from "~/i18n/use-t";
import { modelLabeller } from "~/playground/connections.server";
import teachStyles from "~/styles/teach.css";
import { getSafeguardingExchange } from "~/teach/safeguarding-exchange.server";
import { viewContextFor } from "~/teach/view-context.server";
import { requireAdmin } from "~/utils/auth.server";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.alert.student.displayName} · Lantern` : "Lantern" }];

/**
 * /admin/safeguarding/:messageId — one safeguarding alert of the school for its admin: the
 * conversation that raised it, whether the student is still in the class, the history and "mark
 * handled". Another school's message, or one that raised no safeguarding alert, is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const ctx = await viewContextFor(request);
  const exchange = await getSafeguardingExchange(admin, params.messageId ?? "", ctx);
  const modelLabel = await modelLabeller(admin, [exchange.transcript.model], ctx.t);
  return { ...exchange, transcript: { ...exchange.transcript, model: modelLabel(exchange.transcript.model) } };
}

export default function SafeguardingExchangePage() {
  const { alert, transcript } = useLoaderData<typeof loader>();
  const t = useT();
  const student = alert.student.displayName;
  return (
    <div className="dash">
      <p className="small">
        <Link to="/admin">{t("safeguarding.exchange.back")}</Link>
      </p>
      <h2>
        {t("safeguarding.exchange.title", { student })}{" "}
        {alert.categories.map((c) => (
          <span key={c} className="badge bad">
            {t(`safeguarding.category.${c}` as "safeguarding.category.suicide")}
          </span>
        ))}
      </h2>
      <p>{t("safeguarding.exchange.lead", { student, username: alert.student.username, class: alert.className, at: alert.at })}</p>
      {alert.enrolled ? null : <p className="alert warn">{t("safeguarding.exchange.leftClass", { student, class: alert.className })}</p>}
      {alert.open ? null : (
        <p className="alert success" role="status">
          {t("safeguarding.exchange.handled")}
        </p>
      )}
      <Transcript conversation={transcript} />
      <AlertHistory events={alert.events} open />
      {alert.open ? <HandleAlertForm messageId={alert.messageId} back="/admin" /> : null}
    </div>
  );
}
