/**
 * The content-hashed JSON assets this JavaScript realm holds, by URL. Browser-safe.
 *
 * What every learner is sent alike — the interface catalog, a lesson's text — is not loader data
 * (that would be re-sent, uncacheable, with every page and every step): a loader names the asset,
 * the server registers the asset here when it builds it, and the browser fetches it (cached for a
 * year: a changed byte gets a new URL) before hydrating or before showing the page that needs it.
 * Server and browser then render from the same value, so hydration finds nothing to change.
 */
const held = new Map<string, unknown>();

export function rememberAsset(url: string, value: unknown): void {
  held.set(url, value);
}

export function hasAssets(urls: readonly string[]): boolean {
  return urls.every((url) => held.has(url));
}

/** The asset at this URL, if this realm holds it (server: built; browser: fetched). */
export function assetAt<T>(url: string): T | undefined {
  return held.get(url) as T | undefined;
}

/** Fetches the assets not held yet (the browser's cache answers the ones it has seen). */
export async function loadAssets(urls: readonly string[]): Promise<void> {
  await Promise.all(
    urls
      .filter((url) => !held.has(url))
      .map(async (url) => {
        // as the preload asks (crossorigin="anonymous"), so the preloaded response is used
        const res = await fetch(url);
        if (!res.ok) throw new Error(`asset ${url}: ${res.status}`);
        rememberAsset(url, await res.json());
      }),
  );
}
