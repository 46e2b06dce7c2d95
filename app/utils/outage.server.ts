/**
 * What a request gets while the database is away: 503 with Retry-After, as a small page in the
 * user's language that reloads itself, or as JSON for the API and Remix's data requests. Built
 * without the database and without React, so it can be served by the HTTP layer in front of Remix.
 */
import { translator } from "~/i18n/catalogs.server";
import { resolveLocale } from "~/i18n/locale.server";
import { htmlLang } from "~/i18n/locales";
import { escapeHtml } from "./escape-html";

export const RETRY_AFTER_S = 5;

function wantsJson(request: Request): boolean {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/") || pathname.endsWith(".data") || pathname.endsWith(".json")) return true;
  const accept = request.headers.get("Accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export async function outageResponse(request: Request): Promise<Response> {
  const { locale } = await resolveLocale(request);
  const t = translator(locale);
  const headers = { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_S) };
  if (wantsJson(request)) {
    return Response.json({ error: "database_unavailable", message: t("outage.body") }, { status: 503, headers });
  }
  const { pathname, search } = new URL(request.url);
  // The same page, fetched again: a form post is never repeated behind the user's back (the
  // page reloads itself only after a GET).
  const again = escapeHtml(pathname + search);
  const html = `<!doctype html>
<html lang="${htmlLang(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${request.method === "GET" ? `<meta http-equiv="refresh" content="${RETRY_AFTER_S}">` : ""}
<title>${escapeHtml(t("outage.title"))} · Lantern</title>
<style>
body{margin:0;font:1.125rem/1.6 system-ui,sans-serif;color:#1f2937;background:#fffbeb;display:grid;place-items:center;min-height:100vh}
main{max-width:32rem;padding:2rem;text-align:center}
h1{font-size:1.75rem;margin:0 0 .75rem}
a{display:inline-block;margin-top:1rem;padding:.6rem 1.2rem;border-radius:.5rem;background:#92400e;color:#fff;text-decoration:none}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<main>
<svg width="56" height="56" viewBox="0 0 24 24" aria-hidden="true"><path fill="#f59e0b" d="M12 2c1 3 4 4.5 4 8.5A4 4 0 0 1 12 15a4 4 0 0 1-4-4.5C8 6.5 11 5 12 2z"/><rect x="8" y="17" width="8" height="5" rx="1" fill="#92400e"/></svg>
<h1>${escapeHtml(t("outage.title"))}</h1>
<p>${escapeHtml(t("outage.body"))}</p>
<a href="${again}">${escapeHtml(t("outage.retry"))}</a>
</main>
</body>
</html>`;
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
