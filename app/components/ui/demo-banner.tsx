import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Staff pages, while the demo school's demo data exists: what it is, and who can remove it. */
export function DemoBanner({ audience }: { audience: "admin" | "teacher" }) {
  const t = useT();
  return (
    // a landmark of its own, so that everything on the page sits in one (WCAG 1.3.1)
    <aside className="alert warn demo-banner no-print" aria-label={t("admin.demo.title")}>
      <strong>{t("admin.demo.bannerTitle")}</strong> {t("admin.demo.banner")}{" "}
      {audience === "admin" ? <Link to="/admin/settings#demo-data">{t("admin.demo.bannerAction")}</Link> : t("admin.demo.bannerTeacher")}
    </aside>
  );
}
