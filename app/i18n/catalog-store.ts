/**
 * The interface catalogs this JavaScript realm holds. Browser-safe.
 *
 * A catalog is a content-hashed asset (app/assets/asset-store.ts): the root loader names the
 * assets a page needs (catalog-assets.server.ts), the server registers every catalog at start, and
 * the browser fetches the named ones before hydrating or before showing a page that needs another
 * part.
 */
import { assetAt, hasAssets } from "~/assets/asset-store";
import type { Messages } from "./translate";

const merged = new Map<string, Messages>();

/** The messages of these assets together; the same object for the same URLs (stable for React). */
export function messagesOf(urls: readonly string[]): Messages {
  const key = urls.join(" ");
  let messages = merged.get(key);
  if (!messages) {
    messages = Object.assign({}, ...urls.map((url) => assetAt<Partial<Messages>>(url) ?? {})) as Messages;
    if (hasAssets(urls)) merged.set(key, messages);
  }
  return messages;
}
