import { Prerendered } from "~/components/ui/prerendered";
import type { Source } from "~/course/types";
import { useT } from "~/i18n/use-t";

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
  return (
    <>
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
    </>
  );
}
