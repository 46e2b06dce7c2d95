import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";

/**
 * The school's time zone: a plain list of IANA names (works without JavaScript; typing the first
 * letters jumps in the list). The hint says what follows from it.
 */
export function TimeZoneField({ value, zones, error }: { value: string; zones: string[]; error?: MessageKey }) {
  const t = useT();
  const options = zones.includes(value) ? zones : [value, ...zones];
  return (
    <div className="field">
      <label htmlFor="f-timeZone">{t("admin.settings.timeZone")}</label>
      <p className="hint" id="f-timeZone-hint">
        {t("admin.settings.timeZoneHint")}
      </p>
      <select
        id="f-timeZone"
        name="timeZone"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-timeZone-hint f-timeZone-error" : "f-timeZone-hint"}
      >
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id="f-timeZone-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
