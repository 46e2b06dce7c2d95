/** The same server, another database: used to reach the maintenance db or a clone. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Where CREATE/DROP DATABASE run: the server's "postgres" database. */
export function adminUrlFor(serverUrl: string): string {
  return databaseUrl(serverUrl, "postgres");
}
