/** PostgreSQL for tests when TEST_DATABASE_URL is set (CI sets it); PGlite otherwise. */
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL || undefined;

export function databaseUrl(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
