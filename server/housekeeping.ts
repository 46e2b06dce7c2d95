/** Jobs that run at start and then daily: the transcript retention purge. */
export function startHousekeeping(log: (line: string) => void): { stop(): void } {
  const run = async () => {
    try {
      const { purgeExpiredTranscripts } = await import("../app/models/retention.server");
      const purged = await purgeExpiredTranscripts();
      if (purged.messages + purged.conversations > 0) {
        log(`retention: deleted ${purged.messages} expired playground messages and ${purged.conversations} emptied conversations`);
      }
    } catch (error) {
      log(`retention purge failed: ${(error as Error).message}`);
    }
  };
  void run();
  const timer = setInterval(run, 24 * 3600 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
