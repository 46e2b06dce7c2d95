/**
 * The key ScrollRestoration saves and restores scroll positions under. An in-page link (#section)
 * is the browser's own navigation: the router sees it as a "pop" to a location without a key of
 * its own ("default", like every other such link), so it "restored" the position saved when the
 * last one was left and the page stayed put (found on /help: its contents' links did not move).
 * After hydration each such location gets a key never saved, so the router scrolls to its target,
 * as the browser would. Before hydration the key is the router's: the server's render and the
 * browser's first one agree.
 */
import type { Location } from "@remix-run/react";

let hydrated = false;
let anchors = 0;

export function markHydrated(): void {
  hydrated = true;
}

export function scrollKey(location: Location): string {
  return hydrated && location.key === "default" && location.hash ? `anchor-${Date.now()}-${++anchors}` : location.key;
}
