import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Staff pages, while the demo school's demo data exists: what it is, and who can remove it. */
export function DemoBanner({ audience }: { audience: "admin" | "teacher" }) {
  const t = useT();
  return (
    <div className="alert warn demo-banner no-print" role="note">
      <strong>{t("admin.demo.bannerTitle")}</strong> {t("admin.demo.banner")}{" "}
      {audience === "admin" ? <Link to="/admin/settings#demo-data">{t("admin.demo.bannerAction")}</Link> : t("admin.demo.bannerTeacher")}
    </div>
  );
}
