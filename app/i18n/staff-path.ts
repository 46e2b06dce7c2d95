/** Teachers' and admins' pages (the help page too): they get the teach and admin areas of the catalog. Browser-safe. */
export function isStaffPath(pathname: string): boolean {
  return /^\/(teach|admin|help)(\/|$)/.test(pathname);
}
