/**
 * Responses thrown by guards and actions. Thrown Responses reach the route's ErrorBoundary,
 * which shows a friendly page in the user's language, never a stack trace.
 */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}

/**
 * Refuses cross-site form posts: browsers send Sec-Fetch-Site (and Origin) with every POST; a
 * value naming another site means the form came from elsewhere (CSRF). A browser old enough to
 * send neither still sends the page it posted from (Referer) unless told not to: one on another
 * site is refused too.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const own = new URL(request.url).origin;
  const origin = request.headers.get("Origin");
  if (origin) return origin !== own;
  const referer = request.headers.get("Referer");
  if (!referer) return false;
  try {
    return new URL(referer).origin !== own;
  } catch {
    return true;
  }
}
