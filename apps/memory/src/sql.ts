/**
 * What the item store needs to run SQL: both a unit of work's transaction (event handlers) and the
 * DataSource (queries) fit, so one store serves both.
 */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
}
