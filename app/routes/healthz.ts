import { checkDatabase } from "~/utils/database-health.server";
import { appVersion } from "~/utils/env.server";

/**
 * For load balancers, supervisors and the admin: can the database be reached and written to,
 * which version runs. Answers within 2 s, 503 when the database cannot take a write.
 */
export async function loader() {
  const result = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (result.ok) {
    return Response.json({ status: "ok", version: appVersion(), database: "ok", dbMs: result.ms }, { headers });
  }
  return Response.json(
    { status: "error", version: appVersion(), database: result.problem },
    { status: 503, headers: { ...headers, "Retry-After": "5" } },
  );
}
