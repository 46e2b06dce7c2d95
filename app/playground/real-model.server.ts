/**
 * Whether a learner can reach a real model (Claude, directly or through an approved connection)
 * in the playground right now. Without one, only the offline mini model answers: it continues
 * text and cannot follow a try-it's instructions, so the lesson offers a recorded reply instead.
 */
import type { SessionUser } from "~/utils/session.server";
import { schoolModels } from "./connections.server";
import { loadSandboxFacts } from "~/models/playground-sandbox.server";
import { accessRefusal, allowedModelIds, sandboxOf } from "./guard.server";

export async function hasRealModel(user: SessionUser | null, now = new Date()): Promise<boolean> {
  // Visitors have no playground at all.
  if (!user) return false;
  const [facts, offered] = await Promise.all([loadSandboxFacts(user, now), schoolModels(user)]);
  const sandbox = sandboxOf(user, facts);
  if (accessRefusal(sandbox.policy, sandbox.classes.length > 0, now)) return false;
  const allowed = new Set(allowedModelIds(sandbox.policy, offered.map((m) => m.id)));
  return offered.some((m) => m.provider === "claude" && allowed.has(m.id));
}
