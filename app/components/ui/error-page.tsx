import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/**
 * The friendly error page, in the reader's language; never a stack trace.
 *
 * The root shows it for errors in loaders, and every page with an action exports it as its own
 * `ErrorBoundary` (`export { ErrorPage as ErrorBoundary }`): when an action throws (a form no
 * keyboard could type, a page that is not the poster's), Remix runs only the loaders above the
 * boundary. Were the root the boundary, its loader — the reader's language, the catalog, the
 * header — would not run, and the page would fall back to English without the site's frame.
 */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 413
      ? // the server's message names the limit, in the reader's language (server/refusal-answer.ts)
        [t("limit.tooLarge.title"), isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : t("error.badRequest.body")]
      : status === 404
        ? [t("error.notFound.title"), t("error.notFound.body")]
        : status === 403
          ? [t("error.forbidden.title"), t("error.forbidden.body")]
          : status === 400
            ? [t("error.badRequest.title"), t("error.badRequest.body")]
            : [t("error.title"), t("error.body")];
  return (
    <main id="main" className="page narrow error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </main>
  );
}
