/**
 * What an account leaves outside the tables that cascade from `users`: its token budget rows
 * (`token_ledger`, keyed by the account's id without a foreign key, since class rows share the
 * column) and its sign-in throttles (keyed by the username and client address, docs/decisions/007).
 * Deleting a student deletes these in the same transaction: nothing of theirs waits for a purge.
 */
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export async function forgetDeletedAccounts(accounts: readonly { id: string; username: string }[]): Promise<void> {
  if (accounts.length === 0) return;
  const ids = accounts.map((a) => a.id);
  const names = accounts.map((a) => a.username.toLowerCase());
  // (a data-modifying WITH runs whether or not the statement reads it: one round trip)
  await db().execute(sql`
    with ledger as (delete from token_ledger where scope = 'student' and scope_id in ${ids})
    delete from throttles where account in ${names}`);
}
