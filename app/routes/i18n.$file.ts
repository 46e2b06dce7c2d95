import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogAssetAt } from "~/i18n/catalog-assets.server";

/**
 * A catalog asset (catalog-assets.server.ts). Its URL names its content, so it may be cached for a
 * year and shared: it holds only interface strings, never anything about the user asking.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const json = catalogAssetAt(new URL(request.url).pathname);
  if (json === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(json, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
