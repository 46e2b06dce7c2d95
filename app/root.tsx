import { useEffect } from "react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useRouteLoaderData,
} from "@remix-run/react";
import { SiteHeader } from "./components/ui/site-header";
import { DemoBanner } from "./components/ui/demo-banner";
import { ErrorPage } from "./components/ui/error-page";
import { demoDataOf } from "./models/demo-data.server";
import { catalogUrlsFor } from "./i18n/catalog-assets.server";
import { loadAssets } from "./assets/asset-store";
import { messagesOf } from "./i18n/catalog-store";
import { isStaffPath } from "./i18n/staff-path";
import { resolveLocale } from "./i18n/locale.server";
import { I18nProvider } from "./i18n/use-t";
import { getSessionUser } from "./utils/session.server";
import { useNonce } from "./utils/nonce";
import stylesHref from "./styles/app.css";
import { useFocusOnFirstInvalid } from "~/components/ui/focus-first-invalid";
import { markHydrated, scrollKey } from "~/components/ui/scroll-key";

/** The title of pages that set none of their own. */
export const meta: MetaFunction = () => [{ title: "Lantern" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const { locale, setCookie } = await resolveLocale(request, user?.locale);
  const pathname = new URL(request.url).pathname;
  // Staff pages say while the demo data (published password) is still there.
  const demo = user && user.role !== "student" && isStaffPath(pathname) ? await demoDataOf(user) : null;
  return data(
    {
      locale,
      // the catalog's URLs, not the catalog: the browser caches those assets (catalog-store.ts)
      catalog: catalogUrlsFor(locale, pathname),
      user: user ? { id: user.id, role: user.role, displayName: user.displayName } : null,
      demoBanner: demo && user ? (user.role === "admin" ? ("admin" as const) : ("teacher" as const)) : null,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/** A navigation that needs another catalog (a language, a staff page) shows it only once it is here. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadAssets(data.catalog);
  return data;
}

/**
 * The root's data (user, language, catalog) changes only after a form submission (sign-in,
 * sign-out, account) or when crossing between teachers' pages and the rest (their catalogs
 * differ). The class page's 10-second live refresh must not re-send the catalog each time, and
 * neither must a student's every answer, Next or prompt: the forms of the lesson and the
 * playground change none of it (each would otherwise cost one more request: the root has a
 * client loader, so its data comes on its own).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, formAction, defaultShouldRevalidate }) => {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate && !keepsRootData(formAction, currentUrl);
  if (isStaffPath(currentUrl.pathname) !== isStaffPath(nextUrl.pathname)) return true;
  return currentUrl.searchParams.get("lang") !== nextUrl.searchParams.get("lang");
};

const STUDENT_WORK = /^\/(learn|playground)(\/|$)/;

function keepsRootData(formAction: string | undefined, currentUrl: URL): boolean {
  return formAction !== undefined && STUDENT_WORK.test(new URL(formAction, currentUrl).pathname);
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const nonce = useNonce();
  const locale = root?.locale ?? "en";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {root?.catalog.map((href) => (
          // entry.client.tsx fetches these before hydrating; the preload starts that early
          <link key={href} rel="preload" as="fetch" crossOrigin="anonymous" href={href} data-asset="" />
        ))}
      </head>
      <body>
        {root ? (
          <I18nProvider locale={root.locale} messages={messagesOf(root.catalog)}>
            <SiteHeader user={root.user} />
            {root.demoBanner ? <DemoBanner audience={root.demoBanner} /> : null}
            {children}
          </I18nProvider>
        ) : (
          children
        )}
        <ScrollRestoration nonce={nonce} getKey={scrollKey} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusOnFirstInvalid();
  useEffect(markHydrated, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
