/**
 * A student's save (a step, a check, a quiz attempt) that can fail for reasons that are not
 * theirs: the database is briefly away, or a row it writes is refused. Each save is one
 * transaction, so a failure leaves nothing half-written; this turns it into a friendly
 * "try again" answer (503) in the student's language instead of a 500.
 */
import { data } from "@remix-run/node";
import { reasonOf } from "./db.server";

export const SAVE_FAILED = "save-failed" as const;

/** Runs the write; true when it was stored, false (logged) when it failed and was rolled back. */
export async function stored(what: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof Response) throw error;
    console.error(`${what}: not saved (rolled back): ${reasonOf(error)}`);
    return false;
  }
}

/** The action's answer when a save failed; `extra` carries what the form should show again. */
export function saveFailed<T extends Record<string, unknown>>(extra: T = {} as T) {
  return data({ kind: SAVE_FAILED, ...extra }, { status: 503, headers: { "Retry-After": "5" } });
}
