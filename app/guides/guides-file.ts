/** build/guides.json sits beside build/course.json; both written by scripts/build-course.ts. */
export const GUIDES_FILE_NAME = "guides.json";

/** build/help.json: the staff help page (help/help.*.md), written by the same script. */
export const HELP_FILE_NAME = "help.json";
