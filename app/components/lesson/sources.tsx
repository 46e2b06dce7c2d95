import { Prerendered } from "~/components/ui/prerendered";
import type { Source } from "~/course/types";
import { MarkedText } from "~/components/ui/marked-text";
import { useLocale, useT } from "~/i18n/use-t";

/**
 * The lesson's sources, numbered as `:cite[id]` references number them (front-matter order): the
 * same for every reader, so the server renders them once (Prerendered).
 */
export function SourceList({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <Prerendered as="section" of={sources} className="sources" aria-labelledby="sources-title">
      <Sources sources={sources} />
    </Prerendered>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  const t = useT();
  const english = useEnglishMark();
  return (
    <>
      <h2 id="sources-title" className="sources-title">
        {t("learn.sources.title")}
      </h2>
      <ol>
        {sources.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            {source.url ? (
              <a href={source.url} rel="noopener" className="external" lang={english(source.title)}>
                <MarkedText text={source.title} />
              </a>
            ) : (
              <span lang={english(source.title)}>
                <MarkedText text={source.title} />
              </span>
            )}
            {source.publisher ? (
              <span className="muted">
                .{" "}
                <span lang={english(source.publisher)}>
                  <MarkedText text={source.publisher} />
                </span>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

const HAN = /\p{Script=Han}/u;

/**
 * Most sources are English titles and publishers, shown as they are on a Chinese page too: marked
 * lang="en" there so a screen reader reads them with an English voice (WCAG 3.1.2; found in a
 * 13-year-old's walk through the 繁體 pages). A title with Chinese in it is left to the page's
 * language; on an English page its Chinese runs are marked (MarkedText).
 */
function useEnglishMark(): (text: string) => "en" | undefined {
  const locale = useLocale();
  return (text) => (locale !== "en" && !HAN.test(text) ? "en" : undefined);
}
