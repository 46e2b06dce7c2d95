import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireTeacherOf } from "~/models/classes.server";
import { joinLink, publicUrlOf } from "~/models/public-url.server";
import { qrSvg } from "~/models/qr-code.server";
import { onlyOnThisComputer } from "~/utils/local-address";
import { requireStaff } from "~/utils/auth.server";
import displayStyles from "~/styles/display.css";

export const links = () => [{ rel: "stylesheet", href: displayStyles }];

/**
 * /teach/classes/:classId/display: the join screen a teacher projects: the address, the code and
 * a QR code, big enough to read from the back row. Outside the class frame (no tabs, no names).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  if (!cls.joinEnabled) return { id: cls.id, name: cls.name, join: null };
  // the school's public address, never this request's Host header (decision 017)
  const site = await publicUrlOf(teacher);
  const link = joinLink(site, cls.joinCode);
  return { id: cls.id, name: cls.name, join: { code: cls.joinCode, link, site, qr: await qrSvg(link) } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ""} — Lantern` }];

/**
 * Line breaks only after a slash (…/join/ABC123) or a dot of the host name (lantern.|school.|org/),
 * never inside the code or a word: a long host name kept whole ran on under the QR code.
 */
function breakable(link: string) {
  return link.split(/(?<=[^/:]\/|\.)/).map((part, i) => (
    <span key={i} className="nowrap">
      {i > 0 ? <wbr /> : null}
      {part}
    </span>
  ));
}

export default function JoinDisplay() {
  const { id, name, join } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="join-display">
      <p className="display-back">
        <Link to={`/teach/classes/${id}`}>{t("teach.display.back")}</Link>
      </p>
      <h1>{t("teach.display.title", { className: name })}</h1>
      {join && onlyOnThisComputer(join.site) ? (
        <p className="alert warn display-local" data-testid="join-local-address">
          {t("teach.join.localAddress", { address: join.site })}
        </p>
      ) : null}
      {join ? (
        <div className="display-body">
          <div className="display-words">
            <p className="display-label">{t("teach.display.go")}</p>
            <p className="display-link" data-testid="display-link">
              {breakable(join.link)}
            </p>
            <p className="display-label">{t("teach.display.code")}</p>
            <p className="display-code" data-testid="display-code">
              {join.code}
            </p>
          </div>
          <figure className="display-qr">
            <figcaption className="display-label">{t("teach.display.orScan")}</figcaption>
            {/* SVG from the qrcode library on the server, of a URL we built: no user markup */}
            <span className="qr" role="img" aria-label={t("teach.display.qrLabel")} dangerouslySetInnerHTML={{ __html: join.qr }} />
          </figure>
        </div>
      ) : (
        <p className="display-off">{t("teach.display.off")}</p>
      )}
    </main>
  );
}
