/**
 * What is refused before Remix gets it — 413 too large, 415 an upload where no page takes files,
 * 503 too much in flight at once, 403 a cross-site form post, a request too malformed for the
 * framework — in the client's language and
 * in the form the client can use:
 * - a data request of Remix's client (`….data`): an error in Remix's own single-fetch encoding,
 *   so the page shows its friendly error boundary ("That was too much to send");
 * - an API route or a client asking for JSON: `{ "error": "…" }`;
 * - anything else (a plain form post): a small friendly page with a way back.
 * Only the Accept-Language header and the language cookie choose the language: the body was not
 * read, and no database round trip is spent on a refused request.
 */
import { createRequire } from "node:module";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { translator } from "../app/i18n/catalogs.server";
import { resolveLocale } from "../app/i18n/locale.server";
import type { Translate } from "../app/i18n/translate";

// The encoder Remix itself uses for data requests (a dependency of @remix-run/server-runtime),
// loaded from Remix's own location so both always speak the same version.
const remixRequire = createRequire(createRequire(import.meta.url).resolve("@remix-run/server-runtime"));
const turboStream = remixRequire("turbo-stream") as typeof import("turbo-stream");

type Format = "data" | "json" | "html";

export function formatFor(req: ExpressRequest): Format {
  if (req.path.endsWith(".data")) return "data";
  const accept = String(req.headers.accept ?? "");
  const type = String(req.headers["content-type"] ?? "");
  if (req.path.startsWith("/api/") || type.includes("json") || (accept.includes("json") && !accept.includes("text/html"))) {
    return "json";
  }
  return "html";
}

async function translatorFor(req: ExpressRequest): Promise<{ t: Translate; locale: string }> {
  const headers = new Headers();
  for (const name of ["accept-language", "cookie"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  let url = "http://localhost/";
  try {
    url = new URL(req.originalUrl, "http://localhost").href;
  } catch {
    // a malformed URL: the language then comes from the headers alone
  }
  const { locale } = await resolveLocale(new Request(url, { headers }));
  return { t: translator(locale), locale };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

export function sendTooLarge(req: ExpressRequest, res: ExpressResponse, limit: number): Promise<void> {
  return sendRefusal(req, res, 413, (t) => ({ title: t("limit.tooLarge.title"), message: t("limit.tooLarge.body", { max: megabytes(limit) }) }));
}

export function sendTooManyParts(req: ExpressRequest, res: ExpressResponse, max: number): Promise<void> {
  return sendRefusal(req, res, 413, (t) => ({ title: t("limit.tooLarge.title"), message: t("limit.tooManyParts.body", { max }) }));
}

/** A body of a kind this address never takes (a multipart upload where no page takes files). */
export function sendUnsupportedBody(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  return sendRefusal(req, res, 415, (t) => ({ title: t("error.badRequest.title"), message: t("error.badRequest.body") }));
}

export const BUSY_RETRY_SECONDS = 5;

export function sendBusy(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  res.setHeader("Retry-After", String(BUSY_RETRY_SECONDS));
  return sendRefusal(req, res, 503, (t) => ({ title: t("limit.busy.title"), message: t("limit.busy.body", { seconds: BUSY_RETRY_SECONDS }) }));
}

export function sendCrossSite(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  return sendRefusal(req, res, 403, (t) => ({ title: t("error.forbidden.title"), message: t("error.crossSite") }));
}

/** An address no page has, refused before the framework looks it up (request-guards.ts: overlongPaths). */
export function sendNotFound(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  return sendRefusal(req, res, 404, (t) => ({ title: t("error.notFound.title"), message: t("error.notFound.body") }));
}

/** A request the framework could not read (a malformed %-encoded path, say): 4xx, or 500. */
export function sendUnreadable(req: ExpressRequest, res: ExpressResponse, status: number): Promise<void> {
  return sendRefusal(req, res, status, (t) =>
    status < 500 ? { title: t("error.badRequest.title"), message: t("error.badRequest.body") } : { title: t("error.title"), message: t("error.body") },
  );
}

async function sendRefusal(req: ExpressRequest, res: ExpressResponse, status: number, words: (t: Translate) => { title: string; message: string }): Promise<void> {
  // Reading the language cookie is asynchronous; whatever fails there, the refusal still leaves
  // (and no rejected promise is left to take the process down).
  const { t, locale } = await translatorFor(req).catch(() => ({ t: translator("en"), locale: "en" }));
  const { title, message } = words(t);
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  const format = formatFor(req);
  if (format === "json") {
    res.json({ error: message });
  } else if (format === "data") {
    res.setHeader("Content-Type", "text/x-script");
    res.setHeader("X-Remix-Response", "yes");
    void sendDataError(res, status, message);
  } else {
    res.type("html").send(refusalPage(t, locale, title, message, sameOriginReferer(req)));
  }
}

/** `{ error: ErrorResponse }`, as Remix's server encodes an action's thrown Response. */
async function sendDataError(res: ExpressResponse, status: number, message: string): Promise<void> {
  const stream = turboStream.encode(
    { error: { status, message } },
    {
      plugins: [
        (value) =>
          value && typeof value === "object" && "status" in value && "message" in value
            ? ["ErrorResponse", (value as { message: string }).message, status, ""]
            : false,
      ],
    },
  );
  const reader = stream.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) res.write(part.value);
  res.end();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where "Go back" leads: the page the form was on, when it is one of ours. */
function sameOriginReferer(req: ExpressRequest): string {
  const referer = req.headers.referer;
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.host === req.headers.host ? from.pathname + from.search : "/";
  } catch {
    return "/";
  }
}

function refusalPage(t: Translate, locale: string, heading: string, message: string, back: string): string {
  const title = escapeHtml(heading);
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Lantern</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;color:#1d2330;background:#fbfaf7;margin:0}main{max-width:36rem;margin:4rem auto;padding:0 1.25rem}h1{font-size:1.6rem;line-height:1.25}a{color:#1f5fbf}</style>
</head>
<body><main id="main"><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(t("limit.goBack"))}</a> · <a href="/">${escapeHtml(t("error.backHome"))}</a></p></main></body>
</html>`;
}
