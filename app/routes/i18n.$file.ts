import type { LoaderFunctionArgs } from "@remix-run/node";
import { assetResponse } from "~/assets/hashed-asset.server";
import { catalogAssetAt } from "~/i18n/catalog-assets.server";

/**
 * A catalog asset (catalog-assets.server.ts). Its URL names its content, so it may be cached for a
 * year and shared: it holds only interface strings, never anything about the user asking.
 */
export function loader({ request }: LoaderFunctionArgs) {
  return assetResponse(catalogAssetAt(new URL(request.url).pathname));
}
