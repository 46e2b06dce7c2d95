import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";
import type { TimeZoneGroup, TimeZoneOption } from "~/utils/time-zone-names.server";

/**
 * The school's time zone: a plain list (works without JavaScript), the zones named in the page's
 * language and grouped by their distance from UTC; the value sent is the IANA id. Typing the first
 * letters of a name jumps in the list. The hint says what follows from it.
 */
export function TimeZoneField({ value, groups, error }: { value: TimeZoneOption; groups: TimeZoneGroup[]; error?: MessageKey }) {
  const t = useT();
  // a zone saved before this server's Intl dropped it stays selectable, not silently replaced
  const listed = groups.some((g) => g.zones.some((z) => z.id === value.id));
  return (
    <div className="field">
      <label htmlFor="f-timeZone">{t("admin.settings.timeZone")}</label>
      <p className="hint" id="f-timeZone-hint">
        {t("admin.settings.timeZoneHint")}
      </p>
      <select
        id="f-timeZone"
        name="timeZone"
        defaultValue={value.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-timeZone-hint f-timeZone-error" : "f-timeZone-hint"}
      >
        {listed ? null : <option value={value.id}>{value.label}</option>}
        {groups.map((group) => (
          <optgroup key={group.offset} label={group.offset}>
            {group.zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.label}
              </option>
            ))}
          </optgroup>
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
