import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GuideBlocks, KeyDiagram } from "~/components/guide/guide-sections";
import { PrintButton } from "~/components/teach/print-button";
import { handoutView } from "~/guides/guide-view.server";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import guideStyles from "~/styles/guide.css";
import { requireStaff } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { localeOf } from "~/utils/locale-of.server";

export const links = () => [{ rel: "stylesheet", href: guideStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/** Teachers print it for students: page 1 the summary and key diagram, page 2 the worksheet. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const locale = await localeOf(request);
  const view = handoutView(params.lesson ?? "", locale);
  if (!view) notFound();
  return { ...view, pageTitle: translator(locale)("guide.handout.pageTitle", { title: view.lesson.title }) };
}

export default function HandoutPage() {
  const { lesson, summary, diagram, worksheet } = useLoaderData<typeof loader>();
  const t = useT();
  const kicker = t("guide.handout.kicker", { n: lesson.number, title: lesson.title });
  return (
    <main id="main" className="page handout">
      <div className="no-print guide-actions">
        <PrintButton label={t("guide.print")} />
        <Link to={`/teach/guide/${lesson.slug}`}>{t("guide.handout.backToGuide")}</Link>
        <span className="small muted">{t("guide.handout.printHint")}</span>
      </div>
      <article className="handout-sheet" aria-labelledby="h-summary">
        <p className="kicker">{kicker}</p>
        <h1 id="h-summary">{summary.title}</h1>
        <KeyDiagram labels={diagram} title={t("guide.handout.diagram")} />
        <GuideBlocks blocks={summary.blocks} />
      </article>
      <article className="handout-sheet" aria-labelledby="h-worksheet">
        <p className="kicker">{kicker}</p>
        <NameLine />
        <h2 id="h-worksheet">{worksheet.title}</h2>
        <GuideBlocks blocks={worksheet.blocks} />
      </article>
    </main>
  );
}

function NameLine() {
  const t = useT();
  return (
    <p className="name-line">
      {(["guide.handout.name", "guide.handout.class", "guide.handout.date"] as const).map((key) => (
        <span key={key}>{t(key)}</span>
      ))}
    </p>
  );
}
