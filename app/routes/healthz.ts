import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { appVersion } from "~/utils/env.server";

/** For load balancers and the admin: is the database reachable, which version runs. */
export async function loader() {
  const started = Date.now();
  try {
    await db().execute(sql`select 1`);
    return Response.json(
      { status: "ok", version: appVersion(), database: "ok", dbMs: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", version: appVersion(), database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
