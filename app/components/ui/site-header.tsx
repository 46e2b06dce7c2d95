import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { LOCALES, LOCALE_NAMES } from "~/i18n/locales";
import { useLocale, useT } from "~/i18n/use-t";

interface HeaderUser {
  role: "student" | "teacher" | "admin";
  displayName: string;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const staff = user !== null && user.role !== "student";
  const menu = useStaffMenu(`${location.pathname}${location.search}`, staff);
  const langHref = (lang: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <Link to="/" className="brand">
        <LanternMark />
        <span>{t("app.name")}</span>
      </Link>
      {staff ? (
        // A phone's staff header: this toggle shows and hides the links that follow it (app.css,
        // "Staff menu"); at any other width it is not shown and the links always are.
        <details className="staff-menu" ref={menu}>
          <summary>
            <span>{t("nav.menu")}</span>
            <svg className="staff-menu-mark" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          </summary>
        </details>
      ) : null}
      <nav aria-label={t("nav.main")} className="main-nav">
        <NavLink to="/learn">{t("nav.learn")}</NavLink>
        <NavLink to="/playground">{t("nav.playground")}</NavLink>
        {user && user.role !== "student" ? <NavLink to="/teach">{t("nav.teach")}</NavLink> : null}
        {user?.role === "admin" ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
        {user && user.role !== "student" ? <NavLink to="/help">{t("nav.help")}</NavLink> : null}
      </nav>
      <div className="header-tools">
        <nav aria-label={t("nav.language")} className="lang-switch">
          {LOCALES.map((l) => (
            <a key={l} href={langHref(l)} lang={l} aria-current={l === locale ? "true" : undefined}>
              {LOCALE_NAMES[l]}
            </a>
          ))}
        </nav>
        {user ? (
          <>
            <NavLink to="/account" className="account-link">
              {user.displayName}
            </NavLink>
            <Form method="post" action="/signout">
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </Form>
          </>
        ) : (
          <NavLink to="/signin">{t("nav.signIn")}</NavLink>
        )}
      </div>
    </header>
  );
}

/**
 * The phone's staff menu (a <details> that works without JavaScript) is closed again when a link
 * in it leads to another page (the header stays in place between pages), and by Escape from
 * anywhere in the header, with focus back on its toggle.
 */
function useStaffMenu(where: string, staff: boolean) {
  const menu = useRef<HTMLDetailsElement>(null);
  const shownAt = useRef(where);
  useEffect(() => {
    // not on the first render: a menu opened before the page's JavaScript ran stays open
    if (shownAt.current === where) return;
    shownAt.current = where;
    if (menu.current) menu.current.open = false;
  }, [where]);
  useEffect(() => {
    // a student's header has no menu: no listener on every key of every lesson page
    if (!staff) return;
    const onKey = (event: KeyboardEvent) => {
      const details = menu.current;
      if (event.key !== "Escape" || !details?.open) return;
      const header = details.closest("header");
      if (!header || !(event.target instanceof Node) || !header.contains(event.target)) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [staff]);
  return menu;
}

function LanternMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M12 3h8v3h-8z" fill="currentColor" />
      <path d="M9 7h14l2 4v12l-2 4H9l-2-4V11z" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M16 12c2 3 3 5 0 9-3-4-2-6 0-9z" fill="#f5a524" />
      <path d="M11 29h10" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
