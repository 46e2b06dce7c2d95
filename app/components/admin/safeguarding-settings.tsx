/** /admin/settings: the support card's school contacts, whether crisis messages reach a model, and who is e-mailed. */
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalog/en";
import { MAX_CHARS } from "~/utils/form-limits";

interface Shown {
  helpContact: string;
  helpLine: string;
  sendCrisisToModel: boolean;
  leadName: string;
  leadEmail: string;
  emailAlerts: boolean;
  smtp: { host: string; port: number; security: "none" | "starttls" | "tls"; user: string; from: string; passwordSet: boolean } | null;
}

export function SafeguardingSettingsForm({
  settings,
  result,
}: {
  settings: Shown;
  result:
    | { errors: Record<string, MessageKey | undefined>; saved: boolean; testMail?: { ok: true; to: string } | { ok: false; error: string } }
    | undefined;
}) {
  const t = useT();
  const errors = result?.errors ?? {};
  return (
    <section aria-labelledby="safeguarding-settings-h" className="dash settings-form safeguarding-settings" id="safeguarding">
      <h2 id="safeguarding-settings-h">{t("safeguarding.settings.title")}</h2>
      <p className="small muted">{t("safeguarding.settings.lead")}</p>
      {result?.testMail ? (
        <div className={`alert ${result.testMail.ok ? "success" : "error"}`} role={result.testMail.ok ? "status" : "alert"}>
          {result.testMail.ok
            ? t("safeguarding.testMail.sent", { to: result.testMail.to })
            : t("safeguarding.testMail.failed", { error: result.testMail.error })}
        </div>
      ) : null}
      {result?.saved ? (
        <div className="alert success" role="status">
          {t("form.saved")}
        </div>
      ) : Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          {t("form.fixErrors")}
        </div>
      ) : null}
      <Form method="post" action="/admin/settings#safeguarding">
        <input type="hidden" name="intent" value="safeguarding" />
        <Field name="helpContact" label={t("safeguarding.settings.helpContact")} hint={t("safeguarding.settings.helpContactHint")} defaultValue={settings.helpContact} error={errors.helpContact} maxLength={MAX_CHARS.helpContact} />
        <Field name="helpLine" label={t("safeguarding.settings.helpLine")} hint={t("safeguarding.settings.helpLineHint")} defaultValue={settings.helpLine} error={errors.helpLine} maxLength={MAX_CHARS.helpLine} />
        <label className="choice">
          <input type="checkbox" name="sendCrisisToModel" defaultChecked={settings.sendCrisisToModel} aria-describedby="send-to-model-hint" />
          <span>{t("safeguarding.settings.sendToModel")}</span>
        </label>
        <p className="hint small muted" id="send-to-model-hint">
          {t("safeguarding.settings.sendToModelHint")}
        </p>
        <Field name="leadName" label={t("safeguarding.settings.leadName")} defaultValue={settings.leadName} error={errors.leadName} maxLength={MAX_CHARS.leadName} />
        <Field name="leadEmail" type="email" label={t("safeguarding.settings.leadEmail")} defaultValue={settings.leadEmail} error={errors.leadEmail} maxLength={MAX_CHARS.email} />
        <label className="choice">
          <input type="checkbox" name="emailAlerts" defaultChecked={settings.emailAlerts} />
          <span>{t("safeguarding.settings.emailAlerts")}</span>
        </label>
        <fieldset>
          <legend>{t("safeguarding.settings.smtp")}</legend>
          <Field name="smtpHost" label={t("safeguarding.settings.smtpHost")} defaultValue={settings.smtp?.host ?? ""} error={errors.smtpHost} maxLength={MAX_CHARS.smtpHost} />
          <Field name="smtpPort" type="number" inputMode="numeric" min={1} max={65535} label={t("safeguarding.settings.smtpPort")} defaultValue={settings.smtp?.port ?? 587} error={errors.smtpPort} />
          <div className="field">
            <label htmlFor="f-smtpSecurity">{t("safeguarding.settings.smtpSecurity")}</label>
            <select id="f-smtpSecurity" name="smtpSecurity" defaultValue={settings.smtp?.security ?? "starttls"}>
              <option value="starttls">{t("safeguarding.settings.security.starttls")}</option>
              <option value="tls">{t("safeguarding.settings.security.tls")}</option>
              <option value="none">{t("safeguarding.settings.security.none")}</option>
            </select>
          </div>
          <Field name="smtpUser" label={t("safeguarding.settings.smtpUser")} defaultValue={settings.smtp?.user ?? ""} error={errors.smtpUser} maxLength={MAX_CHARS.smtpUser} autoComplete="off" />
          <Field
            name="smtpPassword"
            type="password"
            label={t("safeguarding.settings.smtpPassword")}
            hint={`${t("safeguarding.settings.smtpPasswordHint")}${settings.smtp?.passwordSet ? ` ${t("safeguarding.settings.smtpPasswordSet")}` : ""}`}
            error={errors.smtpPassword}
            autoComplete="new-password"
            maxLength={MAX_CHARS.smtpPassword}
          />
          <Field name="smtpFrom" type="email" label={t("safeguarding.settings.smtpFrom")} defaultValue={settings.smtp?.from ?? ""} error={errors.smtpFrom} maxLength={MAX_CHARS.email} />
        </fieldset>
        <button type="submit" className="primary">
          {t("form.save")}
        </button>
      </Form>
      {settings.smtp ? (
        <Form method="post" action="/admin/settings#safeguarding" className="safeguarding-test-mail">
          <input type="hidden" name="intent" value="test-mail" />
          <p className="hint small muted">{t("safeguarding.testMail.hint")}</p>
          <button type="submit" className="secondary">
            {t("safeguarding.testMail.button")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
