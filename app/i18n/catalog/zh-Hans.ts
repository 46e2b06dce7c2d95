/** 简体中文界面文字，按区域分文件；zh-Hant.ts 由它生成（npm run i18n:hant）。 */
import type { Messages } from "../translate";
import { common } from "./zh-Hans/common";
import { errors } from "./zh-Hans/errors";
import { auth } from "./zh-Hans/auth";
import { learn } from "./zh-Hans/learn";
import { playground } from "./zh-Hans/playground";
import { teach } from "./zh-Hans/teach";
import { teachSignals } from "./zh-Hans/teach-signals";
import { admin } from "./zh-Hans/admin";
import { safeguarding } from "./zh-Hans/safeguarding";
import { widgets } from "./zh-Hans/widgets";
import { models } from "./zh-Hans/models";
import { limits } from "./zh-Hans/limits";
import { guide } from "./zh-Hans/guide";
import { rosterImport } from "./zh-Hans/roster-import";
import { screening } from "./zh-Hans/screening";
import { modelPrompt } from "./zh-Hans/model-prompt";

export const zhHans: Messages = { ...common, ...errors, ...auth, ...learn, ...playground, ...teach, ...teachSignals, ...admin, ...widgets, ...safeguarding, ...limits, ...guide, ...models, ...rosterImport, ...screening, ...modelPrompt };
