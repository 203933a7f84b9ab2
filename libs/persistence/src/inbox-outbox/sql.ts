/**
 * What a store needs to run SQL: a unit of work's transaction (event handlers), the DataSource or an
 * EntityManager (queries) all fit, so one store serves both.
 */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
}
