import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GuideBlocks } from "~/components/guide/guide-sections";
import { helpView } from "~/guides/help.server";
import type { GuideSection } from "~/guides/types";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import helpStyles from "~/styles/help.css";
import { requireStaff } from "~/utils/auth.server";
import { localeOf } from "~/utils/locale-of.server";

export const links = () => [{ rel: "stylesheet", href: helpStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/**
 * /help — how Lantern works, for teachers and the school's admin (decision 032): compiled from
 * help/help.*.md. Staff only, like the teaching guides: a student gets 404 (their pages say what
 * they need where they need it), a visitor the sign-in page. The admin's sections for admins only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const locale = await localeOf(request);
  return { ...helpView(locale, user.role === "admin" ? "admin" : "teacher"), pageTitle: translator(locale)("teach.help.pageTitle") };
}

export default function HelpPage() {
  const { sections, adminSections } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page help-page">
      <h1>{t("teach.help.title")}</h1>
      <p className="lead">{t("teach.help.lead")}</p>
      <nav aria-labelledby="help-contents" className="help-toc">
        <h2 id="help-contents">{t("teach.help.contents")}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
        {adminSections.length > 0 ? (
          <>
            <p className="help-toc-group" id="help-toc-admin">
              {t("teach.help.adminTitle")}
            </p>
            <ol aria-labelledby="help-toc-admin">
              {adminSections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </nav>
      {sections.map((s) => (
        <HelpSection key={s.id} section={s} level={2} />
      ))}
      {adminSections.length > 0 ? (
        <section aria-labelledby="help-admin" className="help-admin">
          <h2 id="help-admin">{t("teach.help.adminTitle")}</h2>
          <p className="muted">{t("teach.help.adminLead")}</p>
          {adminSections.map((s) => (
            <HelpSection key={s.id} section={s} level={3} />
          ))}
        </section>
      ) : null}
    </main>
  );
}

function HelpSection({ section, level }: { section: GuideSection<string>; level: 2 | 3 }) {
  const t = useT();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={section.id} className="help-section" data-section={section.id}>
      <Heading id={section.id}>
        {section.title}
      </Heading>
      <GuideBlocks blocks={section.blocks} section={section.title} />
      <p className="small help-top">
        <a href="#help-contents">{t("teach.help.top")}</a>
      </p>
    </section>
  );
}
