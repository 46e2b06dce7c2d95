/** build/guides.json sits beside build/course.json; both written by scripts/build-course.ts. */
export const GUIDES_FILE_NAME = "guides.json";
