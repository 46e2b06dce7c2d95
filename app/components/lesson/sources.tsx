import type { Source } from "~/course/types";
import { useT } from "~/i18n/use-t";

/** The lesson's sources, numbered as `:cite[id]` references number them (front-matter order). */
export function SourceList({ sources }: { sources: Source[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title" className="sources-title">
        {t("learn.sources.title")}
      </h2>
      <ol>
        {sources.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            {source.url ? (
              <a href={source.url} rel="noopener" className="external">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            {source.publisher ? <span className="muted">. {source.publisher}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
