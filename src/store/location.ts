// What kind of store a location names, without loading either driver: opening a SQLite file never
// loads the PostgreSQL client.

/** True for the URLs the PostgreSQL store opens ("postgres://", "postgresql://"). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
