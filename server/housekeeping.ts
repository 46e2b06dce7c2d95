/**
 * Jobs that run at start and then daily: the transcript retention purge, and the purge of side
 * tables (throttle rows, ended sessions, old invitations, old token counts, request-rate counters).
 */
export async function runHousekeeping(log: (line: string) => void): Promise<void> {
  try {
    const { purgeExpiredTranscripts } = await import("../app/models/retention.server");
    const purged = await purgeExpiredTranscripts();
    if (purged.messages + purged.conversations > 0) {
      log(`retention: deleted ${purged.messages} expired playground messages and ${purged.conversations} emptied conversations`);
    }
  } catch (error) {
    log(`retention purge failed: ${(error as Error).message}`);
  }
  try {
    const { purgeSideTables } = await import("../app/models/side-table-purge.server");
    const purged = await purgeSideTables();
    const total = purged.throttles + purged.sessions + purged.invitations + purged.ledgerDays;
    if (total > 0) {
      log(
        `retention: deleted ${purged.throttles} throttle rows, ${purged.sessions} ended sessions, ${purged.invitations} old invitations, ${purged.ledgerDays} old token counts`,
      );
    }
  } catch (error) {
    log(`side-table purge failed: ${(error as Error).message}`);
  }
  try {
    const { purgeStaleRates } = await import("../app/models/request-rates.server");
    await purgeStaleRates();
  } catch (error) {
    log(`request-rate purge failed: ${(error as Error).message}`);
  }
}

export function startHousekeeping(log: (line: string) => void): { stop(): void } {
  void runHousekeeping(log);
  const timer = setInterval(() => void runHousekeeping(log), 24 * 3600 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
