/**
 * What the stores need to run SQL: both a unit of work's transaction (event handlers) and the
 * DataSource or an EntityManager (queries) fit, so one lookup serves both.
 */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
}
