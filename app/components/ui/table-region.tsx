import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/**
 * A table in a box that scrolls sideways when the screen is narrower than the table. Keyboard
 * users reach the box with Tab and scroll it with the arrow keys (WCAG 2.1.1; axe
 * scrollable-region-focusable), and it is a region named "Table: <what it holds>": a name of its
 * own, never the name of the section around it, so the two landmarks differ (axe landmark-unique).
 */
export function TableRegion({ name, className = "table-scroll", children }: { name?: string; className?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className={className} role="region" aria-label={name ? t("learn.tableOf", { name }) : t("learn.table")} tabIndex={0}>
      {children}
    </div>
  );
}
