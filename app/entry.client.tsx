import { RemixBrowser, UNSAFE_decodeInitialState } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadAssets } from "./assets/asset-store";

declare module "@remix-run/react" {
  /** The page's data, decoded for the router (exported by scripts/patch-dependencies.mjs, patch 4). */
  export function UNSAFE_decodeInitialState(): Promise<void>;
}

/** The assets the server rendered this page with (the catalog, a lesson's text), preloaded in <head>. */
const assets = [...document.querySelectorAll<HTMLLinkElement>("link[data-asset]")].map((link) => link.getAttribute("href")!);

// Hydrate only with what the server rendered from, so nothing flashes or shifts. If the assets
// cannot be fetched the page stays as the server rendered it: links and forms work without JavaScript.
// The page's data is decoded first too: were <RemixBrowser> to wait for it while hydrating, a key
// pressed or a click made in that moment would stop hydration for good (decision 031).
Promise.all([loadAssets(assets), Promise.resolve().then(UNSAFE_decodeInitialState)]).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("Lantern could not load this page's text or data; it works without scripts.", error),
);
