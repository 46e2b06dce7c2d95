/** A lesson's framework mapping as three short labelled lists (guide page and mapping table). */
import type { Frameworks } from "~/guides/types";
import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";

export function BigIdeaList({ ideas }: { ideas: readonly number[] }) {
  const t = useT();
  return <TagList items={ideas.map((n) => t(`guide.fw.bigIdea.${n}` as MessageKey))} />;
}

export function ChinaAreaList({ areas }: { areas: readonly string[] }) {
  const t = useT();
  return <TagList items={areas.map((a) => t(`guide.fw.china.${a}` as MessageKey))} />;
}

export function CstaList({ ids, withText = false }: { ids: readonly string[]; withText?: boolean }) {
  const t = useT();
  return (
    <ul className="fw-list">
      {ids.map((id) => (
        <li key={id}>
          <strong>{id}</strong>
          {withText ? <> {t(`guide.fw.csta.${id}` as MessageKey)}</> : null}
        </li>
      ))}
    </ul>
  );
}

function TagList({ items }: { items: string[] }) {
  return (
    <ul className="fw-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function FrameworksSummary({ frameworks }: { frameworks: Frameworks }) {
  const t = useT();
  return (
    <dl className="fw-summary">
      <dt>{t("guide.map.bigIdeas")}</dt>
      <dd>
        <BigIdeaList ideas={frameworks.bigIdeas} />
      </dd>
      <dt>{t("guide.map.china")}</dt>
      <dd>
        <ChinaAreaList areas={frameworks.china2025} />
      </dd>
      <dt>{t("guide.map.csta")}</dt>
      <dd>
        <CstaList ids={frameworks.csta} withText />
      </dd>
    </dl>
  );
}
