/** "Print" — only once JavaScript runs; without it the browser's own Print command does the same. */
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

export function PrintButton({ label }: { label?: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="primary" onClick={() => window.print()}>
      {label ?? t("teach.dash.report.print")}
    </button>
  );
}
