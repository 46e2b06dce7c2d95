import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalogs } from "./i18n/catalog-store";

/** The catalog assets the server rendered this page with (root.tsx preloads them). */
const catalogs = [...document.querySelectorAll<HTMLLinkElement>("link[data-catalog]")].map((link) => link.getAttribute("href")!);

// Hydrate only with the strings the server used, so nothing flashes or shifts. If they cannot be
// fetched the page stays as the server rendered it: links and forms work without JavaScript.
loadCatalogs(catalogs).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("Lantern could not load its interface strings; the page works without scripts.", error),
);
