import type { DataSource } from 'typeorm';

/**
 * The real data source, with the statements that match counted on the way through: a test can
 * show work was batched without standing anything in for the database.
 */
export function countingStatements(dataSource: DataSource, matches: (sql: string) => boolean = () => true): { dataSource: DataSource; count: () => number } {
  let count = 0;
  const counted = new Proxy(dataSource, {
    get: (target, property) =>
      property === 'query'
        ? (sql: string, parameters?: unknown[]) => {
            if (matches(sql)) count++;
            return target.query(sql, parameters);
          }
        : Reflect.get(target, property),
  });
  return { dataSource: counted, count: () => count };
}
