import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminLinkSchema, SsoFormSchema } from "~/forms/sso.server";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { addAdminLink, adminLinksForPage, removeAdminLink, saveSsoSettings, ssoRedirectUri, ssoSettingsForAdmin } from "~/models/sso.server";
import { requireAdmin } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { onlyOnThisComputer } from "~/utils/local-address";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

/** /admin/signin: sign-in with the school's OpenID Connect provider (decision 019). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  // the settings minus the client secret, which never leaves the server (only whether one is set)
  const redirectUri = await ssoRedirectUri(admin.schoolId);
  return { sso: await ssoSettingsForAdmin(admin), links: await adminLinksForPage(admin), redirectUri, redirectIsLocal: onlyOnThisComputer(redirectUri) };
}

type Result = { errors: FieldErrors; saved: boolean; form?: "link" };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = formObject(await readForm(request));
  if (form.intent === "link" || form.intent === "unlink") {
    const link = validate(AdminLinkSchema, form);
    if (!link.ok) return data<Result>({ errors: link.errors, saved: false, form: "link" }, { status: 400 });
    if (link.data.intent === "unlink") {
      await removeAdminLink(admin, link.data.email);
      return data<Result>({ errors: {}, saved: true, form: "link" });
    }
    const added = await addAdminLink(admin, link.data.username, link.data.email);
    if (!added.ok) {
      const errors: FieldErrors = added.reason === "no_account" ? { username: "admin.sso.noSuchAccount" } : { email: "admin.sso.configureFirst" };
      return data<Result>({ errors, saved: false, form: "link" }, { status: 400 });
    }
    return data<Result>({ errors: {}, saved: true, form: "link" });
  }
  const parsed = validate(SsoFormSchema, form);
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, saved: false }, { status: 400 });
  const saved = await saveSsoSettings(admin, parsed.data);
  if (!saved.ok) {
    const errors: FieldErrors = saved.reason === "needs_secret" ? { clientSecret: "admin.sso.needSecret" } : { issuer: "admin.sso.discoveryFailed" };
    return data<Result>({ errors, saved: false }, { status: 400 });
  }
  return data<Result>({ errors: {}, saved: true });
}

export default function AdminSignIn() {
  const { sso, links, redirectUri, redirectIsLocal } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  const result = actionResult?.form === "link" ? undefined : actionResult;
  const linkResult = actionResult?.form === "link" ? actionResult : undefined;
  const errors = result?.errors ?? {};
  const rule = sso?.roleRule;
  const tenant = sso?.preset === "microsoft" ? /microsoftonline\.com\/([^/]+)\//.exec(sso.issuer)?.[1] ?? "" : "";
  return (
    <section aria-labelledby="sso-h" className="dash settings-form">
      <h2 id="sso-h">{t("admin.sso.title")}</h2>
      <p className="muted">{t("admin.sso.lead")}</p>
      {result?.saved ? (
        <div className="alert success" role="status">
          {t("form.saved")}
        </div>
      ) : Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          {t("form.fixErrors")}
        </div>
      ) : null}
      <p className="small">
        {t("admin.sso.redirectUri")} <code>{redirectUri}</code>{" "}
        {t("admin.sso.redirectFrom")} <Link to="/admin/settings">{t("admin.sso.redirectSettings")}</Link>
      </p>
      {redirectIsLocal ? (
        <p className="alert warn" role="status">
          {t("admin.sso.redirectLocal", { address: new URL(redirectUri).origin })}
        </p>
      ) : null}
      <Form method="post">
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="enabled" value="yes" defaultChecked={sso?.enabled ?? false} />
            <span>{t("admin.sso.enabled")}</span>
          </label>
        </div>
        <div className="field">
          <label htmlFor="f-preset">{t("admin.sso.preset")}</label>
          <select id="f-preset" name="preset" defaultValue={sso?.preset ?? "google"}>
            <option value="google">{t("admin.sso.presetGoogle")}</option>
            <option value="microsoft">{t("admin.sso.presetMicrosoft")}</option>
            <option value="generic">{t("admin.sso.presetGeneric")}</option>
          </select>
        </div>
        <Field name="tenant" label={t("admin.sso.tenant")} hint={t("admin.sso.tenantHint")} defaultValue={tenant} error={errors.tenant} />
        <Field name="issuer" inputMode="url" autoCapitalize="none" spellCheck={false} label={t("admin.sso.issuer")} hint={t("admin.sso.issuerHint")} defaultValue={sso?.preset === "generic" ? sso.issuer : ""} error={errors.issuer} />
        <Field name="label" label={t("admin.sso.label")} hint={t("admin.sso.labelHint")} defaultValue={sso?.label ?? ""} error={errors.label} maxLength={MAX_CHARS.ssoLabel} />
        <Field name="clientId" label={t("admin.sso.clientId")} defaultValue={sso?.clientId ?? ""} error={errors.clientId} required autoComplete="off" />
        <Field
          name="clientSecret"
          type="password"
          label={t("admin.sso.clientSecret")}
          hint={t(sso?.hasSecret ? "admin.sso.secretKept" : "admin.sso.secretHint")}
          error={errors.clientSecret}
          autoComplete="new-password"
        />
        <Field name="allowedDomains" label={t("admin.sso.domains")} hint={t("admin.sso.domainsHint")} defaultValue={sso?.allowedDomains.join(", ") ?? ""} error={errors.allowedDomains} required />
        <fieldset>
          <legend>{t("admin.sso.roleRule")}</legend>
          <label className="choice">
            <input type="radio" name="roleKind" value="domain" defaultChecked={rule?.kind !== "group"} />
            <span>{t("admin.sso.byDomain")}</span>
          </label>
          <Field name="teacherDomains" label={t("admin.sso.teacherDomains")} hint={t("admin.sso.teacherDomainsHint")} defaultValue={rule?.kind === "domain" ? rule.teacherDomains.join(", ") : ""} error={errors.teacherDomains} />
          <label className="choice">
            <input type="radio" name="roleKind" value="group" defaultChecked={rule?.kind === "group"} />
            <span>{t("admin.sso.byGroup")}</span>
          </label>
          <Field name="groupClaim" label={t("admin.sso.groupClaim")} hint={t("admin.sso.groupClaimHint")} defaultValue={rule?.kind === "group" ? rule.claim : "groups"} error={errors.groupClaim} />
          <Field name="teacherGroups" label={t("admin.sso.teacherGroups")} hint={t("admin.sso.teacherGroupsHint")} defaultValue={rule?.kind === "group" ? rule.teacherValues.join(", ") : ""} error={errors.teacherGroups} />
        </fieldset>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="teacherPasswordSignIn" value="yes" defaultChecked={sso?.teacherPasswordSignIn ?? true} aria-describedby="f-tps-hint" />
            <span>{t("admin.sso.teacherPasswords")}</span>
          </label>
          <p className="hint" id="f-tps-hint">
            {t("admin.sso.teacherPasswordsHint")}
          </p>
        </div>
        <button type="submit" className="primary">
          {t("form.save")}
        </button>
      </Form>
      <h3 id="links-h">{t("admin.sso.linksTitle")}</h3>
      <p className="muted">{t("admin.sso.linksLead")}</p>
      {linkResult?.saved ? (
        <div className="alert success" role="status">
          {t("form.saved")}
        </div>
      ) : null}
      {links.length > 0 ? (
        <ul aria-labelledby="links-h">
          {links.map((l) => (
            <li key={l.email}>
              {t("admin.sso.linkRow", { name: l.displayName, username: l.username, email: l.email })}{" "}
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="intent" value="unlink" />
                <input type="hidden" name="email" value={l.email} />
                <button type="submit" className="link-button">
                  {t("admin.sso.unlink")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="link" />
        <Field name="username" label={t("admin.sso.linkUsername")} error={linkResult?.errors.username} required autoCapitalize="none" spellCheck={false} />
        <Field name="email" type="email" label={t("admin.sso.linkEmail")} error={linkResult?.errors.email} required />
        <button type="submit" className="secondary">
          {t("admin.sso.linkSubmit")}
        </button>
      </Form>
    </section>
  );
}
