/** Jobs that run at start and then daily: the transcript retention purge, stale request-rate rows. */
export function startHousekeeping(log: (line: string) => void): { stop(): void } {
  const run = async () => {
    try {
      const { purgeExpiredTranscripts } = await import("../app/models/retention.server");
      const purged = await purgeExpiredTranscripts();
      if (purged > 0) log(`retention: deleted ${purged} expired playground conversations`);
    } catch (error) {
      log(`retention purge failed: ${(error as Error).message}`);
    }
    try {
      const { purgeStaleRates } = await import("../app/models/request-rates.server");
      await purgeStaleRates();
    } catch (error) {
      log(`request-rate purge failed: ${(error as Error).message}`);
    }
  };
  void run();
  const timer = setInterval(run, 24 * 3600 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
