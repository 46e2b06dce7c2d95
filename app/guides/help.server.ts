/**
 * The staff help page's content, loaded once from build/help.json (compiled from help/*.md by
 * `npm run build:course`), shaped for a reader: the admin's sections for admins only.
 */
import type { Locale } from "~/i18n/locales";
import { HELP_FILE_NAME } from "./guides-file";
import { readBuildJson } from "./guides.server";
import { ADMIN_HELP_SECTIONS, type CompiledHelp, type GuideSection, type HelpSectionId } from "./types";

let loaded: CompiledHelp | null = null;

function load(): CompiledHelp {
  loaded ??= readBuildJson<CompiledHelp>(HELP_FILE_NAME, "The help page's sections");
  return loaded;
}

export interface HelpView {
  /** Everyone's sections, in order. */
  sections: GuideSection<HelpSectionId>[];
  /** The school admin's sections; empty for a teacher. */
  adminSections: GuideSection<HelpSectionId>[];
}

export function helpView(locale: Locale, role: "teacher" | "admin"): HelpView {
  const all = load().content[locale].sections;
  const forAdmin = (s: GuideSection<HelpSectionId>) => ADMIN_HELP_SECTIONS.includes(s.id);
  return { sections: all.filter((s) => !forAdmin(s)), adminSections: role === "admin" ? all.filter(forAdmin) : [] };
}
