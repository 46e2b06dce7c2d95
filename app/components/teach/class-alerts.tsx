import { useLocation } from "@remix-run/react";
import type { SafeguardingAlert } from "~/models/safeguarding.server";
import { AlertOutcome, SafeguardingAlerts, SafeguardingNotice } from "./safeguarding-alerts";

/**
 * Where the class's open safeguarding alerts are shown whole: on the Progress tab, and on a
 * student's page those of that student (where the teacher reads the exchange). Every other page
 * shows one red line linking to the Progress tab's list, so the tab's own content stays on top.
 * The path comes from the router, not the loader: the frame does not reload between tabs.
 */
export function ClassAlerts({ base, alerts, outcome }: { base: string; alerts: SafeguardingAlert[]; outcome: string | null }) {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  const review = `${base}#safeguarding-h`;
  if (path === base) return <SafeguardingAlerts alerts={alerts} back={path} outcome={outcome} />;
  const student = new RegExp(`^${base}/students/([^/]+)$`).exec(path)?.[1];
  if (student) {
    const theirs = alerts.filter((a) => a.student.id === student);
    return (
      <>
        <SafeguardingAlerts alerts={theirs} back={path} outcome={outcome} />
        <SafeguardingNotice count={alerts.length - theirs.length} href={review} others={theirs.length > 0} />
      </>
    );
  }
  return (
    <>
      <AlertOutcome outcome={outcome} />
      <SafeguardingNotice count={alerts.length} href={review} />
    </>
  );
}
