import type { LoaderFunctionArgs } from "@remix-run/node";
import { assetResponse } from "~/assets/hashed-asset.server";
import { lessonContentJsonAt } from "~/components/lesson/content-asset.server";

/**
 * A lesson's text in one language (content-asset.server.ts). Its URL names its content, so it may
 * be cached for a year and shared: it holds the course, never anything about the reader.
 */
export function loader({ request }: LoaderFunctionArgs) {
  return assetResponse(lessonContentJsonAt(new URL(request.url).pathname));
}
