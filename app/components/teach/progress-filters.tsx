/**
 * Sort and filter for the class page: a plain GET form, so it works without JavaScript and the
 * URL says what is shown (the gradebook export link carries the same query).
 */
import { Form } from "@remix-run/react";
import type { ProgressQuery } from "~/teach/progress-query.server";
import { useT } from "~/i18n/use-t";

export function ProgressFilters({
  query,
  shown,
  total,
  searchMaxLength,
}: {
  query: ProgressQuery;
  shown: number;
  total: number;
  /** The parser's own limit (progress-query.server.ts), so the box never takes more than is read. */
  searchMaxLength?: number;
}) {
  const t = useT();
  return (
    <Form method="get" className="filters no-print" role="search" aria-label={t("teach.dash.filter.label")} preventScrollReset>
      <div className="field">
        <label htmlFor="f-q">{t("teach.dash.filter.search")}</label>
        <input id="f-q" type="search" name="q" defaultValue={query.q} maxLength={searchMaxLength} />
      </div>
      <div className="field">
        <label htmlFor="f-show">{t("teach.dash.filter.show")}</label>
        <select id="f-show" name="show" defaultValue={query.show}>
          <option value="all">{t("teach.dash.filter.all")}</option>
          <option value="help">{t("teach.dash.filter.help")}</option>
          <option value="active">{t("teach.dash.filter.active")}</option>
          <option value="not-started">{t("teach.dash.filter.notStarted")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-lessons">{t("teach.dash.filter.lessons")}</label>
        <select id="f-lessons" name="lessons" defaultValue={query.lessons}>
          <option value="all">{t("teach.dash.filter.lessonsAll")}</option>
          <option value="assigned">{t("teach.dash.filter.lessonsAssigned")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sort">{t("teach.dash.filter.sort")}</label>
        <select id="f-sort" name="sort" defaultValue={query.sort}>
          <option value="name">{t("teach.dash.sort.name")}</option>
          <option value="progress">{t("teach.dash.sort.progress")}</option>
          <option value="last-seen">{t("teach.dash.sort.lastSeen")}</option>
          <option value="help">{t("teach.dash.sort.help")}</option>
        </select>
      </div>
      <div className="field filter-apply">
        <button type="submit" className="primary">
          {t("teach.dash.filter.apply")}
        </button>
      </div>
      <p className="small muted filter-count" aria-live="polite">
        {t("teach.dash.filter.count", { shown, count: total })}
      </p>
    </Form>
  );
}
