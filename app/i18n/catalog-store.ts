/**
 * The interface catalogs this JavaScript realm holds, by asset URL. Browser-safe.
 *
 * The catalog is not loader data (it would be re-sent, uncacheable, with every page): the root
 * loader names the content-hashed catalog assets a page needs (catalog-assets.server.ts), the
 * server registers every catalog here at start, and the browser fetches the named assets (cached
 * for a year) before hydrating or before showing a page that needs another part.
 */
import type { Messages } from "./translate";

const loaded = new Map<string, Partial<Messages>>();
const merged = new Map<string, Messages>();

export function rememberCatalog(url: string, messages: Partial<Messages>): void {
  loaded.set(url, messages);
}

export function hasCatalogs(urls: readonly string[]): boolean {
  return urls.every((url) => loaded.has(url));
}

/** The messages of these assets together; the same object for the same URLs (stable for React). */
export function messagesOf(urls: readonly string[]): Messages {
  const key = urls.join(" ");
  let messages = merged.get(key);
  if (!messages) {
    messages = Object.assign({}, ...urls.map((url) => loaded.get(url) ?? {})) as Messages;
    if (hasCatalogs(urls)) merged.set(key, messages);
  }
  return messages;
}

/** Fetches the assets not held yet (the browser's cache answers the ones it has seen). */
export async function loadCatalogs(urls: readonly string[]): Promise<void> {
  await Promise.all(
    urls
      .filter((url) => !loaded.has(url))
      .map(async (url) => {
        const res = await fetch(url) // as the preload asks (crossorigin="anonymous"), so it is used;
        if (!res.ok) throw new Error(`catalog ${url}: ${res.status}`);
        rememberCatalog(url, (await res.json()) as Partial<Messages>);
      }),
  );
}
