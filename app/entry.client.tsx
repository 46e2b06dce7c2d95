import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadAssets } from "./assets/asset-store";

/** The assets the server rendered this page with (the catalog, a lesson's text), preloaded in <head>. */
const assets = [...document.querySelectorAll<HTMLLinkElement>("link[data-asset]")].map((link) => link.getAttribute("href")!);

// Hydrate only with what the server rendered from, so nothing flashes or shifts. If the assets
// cannot be fetched the page stays as the server rendered it: links and forms work without JavaScript.
loadAssets(assets).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("Lantern could not load the text of this page; it works without scripts.", error),
);
