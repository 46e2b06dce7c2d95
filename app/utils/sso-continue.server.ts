/**
 * The step between the sign-in page's school button and the school's provider. The button is a
 * form (so "This is a shared computer" can go with it, with or without JavaScript), and a form's
 * navigation may only end on this site (CSP form-action 'self', which Chromium applies to every
 * redirect after a submission): a redirect to the provider would be blocked. So the form's answer
 * is this page, which moves on by itself (a refresh is not a form's navigation) and offers the
 * link too, in the reader's language.
 */
import { translator } from "~/i18n/catalogs.server";
import type { Locale } from "~/i18n/locales";
import { htmlLang } from "~/i18n/locales";
import { escapeHtml } from "./escape-html";

export function ssoContinuePage(providerUrl: string, provider: string, locale: Locale, setCookie: string): Response {
  const t = translator(locale);
  const label = escapeHtml(t("auth.sso.continue", { provider }));
  const url = escapeHtml(providerUrl);
  const html = `<!doctype html>
<html lang="${htmlLang(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0;url=${url}">
<title>${label} · Lantern</title>
<style>
body{margin:0;font:1.125rem/1.6 system-ui,sans-serif;color:#1f2937;background:#f8fafc;display:grid;place-items:center;min-height:100vh}
a{display:inline-block;padding:.6rem 1.2rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<main><a href="${url}">${label}</a></main>
</body>
</html>`;
  return new Response(html, {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "Set-Cookie": setCookie },
  });
}
