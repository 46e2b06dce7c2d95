import type { ReactNode } from "react";

export interface Stat {
  label: string;
  value: ReactNode;
}

/** Headline figures (students, active, completion…) as a description list of small boxes. */
export function StatList({ stats, testId }: { stats: Stat[]; testId?: string }) {
  return (
    <dl className="stat-list" data-testid={testId}>
      {stats.map((s) => (
        <div key={s.label}>
          <dt>{s.label}</dt>
          <dd>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
