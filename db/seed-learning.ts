/**
 * Varied demo progress, quiz answers and playground chats for the demo class, once lessons exist.
 * Filled in by the lesson engine; until then it seeds nothing.
 */
import type { Connection } from "./client";

export async function seedDemoLearning(
  _conn: Connection,
  _demo: { classId: string; teacherId: string; studentIds: string[] },
): Promise<void> {}
