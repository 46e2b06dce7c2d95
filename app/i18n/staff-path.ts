/** Teachers' and admins' pages: they get the teach and admin areas of the catalog. Browser-safe. */
export function isStaffPath(pathname: string): boolean {
  return /^\/(teach|admin)(\/|$)/.test(pathname);
}
