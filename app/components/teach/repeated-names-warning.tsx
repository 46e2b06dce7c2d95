import { Form } from "@remix-run/react";
import { listOf } from "~/i18n/list";
import { useLocale, useT } from "~/i18n/use-t";

export interface RepeatedNames {
  /** Names already enrolled in the class. */
  inClass: string[];
  /** Names twice in the list being added. */
  inList: string[];
  /** The list as the teacher typed it, sent again when they confirm. */
  names: string;
}

/**
 * "Ada is already in this class — add another Ada?": shown instead of adding anyone, with a form
 * that sends the same list again with the repeats allowed. Plain forms, so it works without JS.
 */
export function RepeatedNamesWarning({ repeated }: { repeated: RepeatedNames }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="alert warn no-print repeated-names" role="alert" data-testid="repeated-names">
      {repeated.inClass.length > 0 ? (
        <p>{t("teach.roster.dupInClass", { names: listOf(repeated.inClass, locale), count: repeated.inClass.length })}</p>
      ) : null}
      {repeated.inList.map((name) => (
        <p key={name}>{t("teach.roster.dupInList", { name })}</p>
      ))}
      <p className="small">{t("teach.roster.dupHint")}</p>
      <div className="row">
        <Form method="post">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="names" value={repeated.names} />
          <input type="hidden" name="allowRepeats" value="yes" />
          <button type="submit" className="primary">
            {t("teach.roster.dupConfirm")}
          </button>
        </Form>
        <a className="button secondary" href="#f-names">
          {t("teach.roster.dupCancel")}
        </a>
      </div>
    </div>
  );
}
