/**
 * English interface strings, one module per area (common, auth, learn, playground, teach, admin)
 * so that work on one area never edits another's file. Keys are prefixed by area and must be
 * unique; every key must exist in every locale (the types and a unit test check).
 */
import { common } from "./en/common";
import { errors } from "./en/errors";
import { auth } from "./en/auth";
import { learn } from "./en/learn";
import { playground } from "./en/playground";
import { teach } from "./en/teach";
import { teachSignals } from "./en/teach-signals";
import { admin } from "./en/admin";
import { safeguarding } from "./en/safeguarding";
import { widgets } from "./en/widgets";
import { models } from "./en/models";
import { limits } from "./en/limits";
import { guide } from "./en/guide";
import { rosterImport } from "./en/roster-import";
import { screening } from "./en/screening";
import { modelPrompt } from "./en/model-prompt";

export const en = { ...common, ...errors, ...auth, ...learn, ...playground, ...teach, ...teachSignals, ...admin, ...widgets, ...safeguarding, ...limits, ...guide, ...models, ...rosterImport, ...screening, ...modelPrompt } as const;

export type MessageKey = keyof typeof en;
