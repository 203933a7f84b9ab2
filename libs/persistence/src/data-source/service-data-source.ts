import { DataSource, type MigrationInterface } from 'typeorm';

export interface ServiceDatabase {
  url: string;
  /** The service's own Postgres schema; no service reads another's. */
  schema: string;
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/** A DataSource bound to one service schema; tables are created by migrations only. */
export function createServiceDataSource(database: ServiceDatabase): DataSource {
  return new DataSource({
    type: 'postgres',
    url: database.url,
    schema: database.schema,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: database.poolSize ?? 10 },
  });
}

/** Creates the schema if needed and applies pending migrations; safe to run again. */
export async function migrateServiceDatabase(database: ServiceDatabase): Promise<string[]> {
  const dataSource = createServiceDataSource(database);
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
