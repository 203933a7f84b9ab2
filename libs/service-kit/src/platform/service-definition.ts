import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { settingsFromEnv, type ServiceSettings } from '../config/service-settings';
import { messagingTablesMigration, migrateServiceDatabase } from '@sigil/persistence';
import { PlatformModule } from './platform.module';
import { startService, type HttpConfigurer, type StartedService } from './start-service';

/** Everything that makes one service: the same shape for all eight. */
export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  /** The Postgres schema the service owns (`event_store` for event-store). */
  schema: string;
  migrations: (new () => MigrationInterface)[];
  /**
   * Its handlers change state through the inbox and emit through the outbox (`UnitOfWork`): the
   * service then gets the messaging tables in its schema and runs the outbox relay.
   */
  exactlyOnce: boolean;
  /** The feature modules: bus handlers and HTTP routes. */
  features: Type<unknown>[];
  /** HTTP concerns beyond routes (security headers, CORS, API description), applied before listening. */
  configureHttp?: HttpConfigurer;
}

/** The service's own migrations, after the inbox/outbox tables when it uses them. */
export function serviceMigrations(definition: ServiceDefinition): (new () => MigrationInterface)[] {
  return definition.exactlyOnce ? [messagingTablesMigration(definition.schema), ...definition.migrations] : definition.migrations;
}

export function serviceModule(definition: ServiceDefinition, settings: ServiceSettings): DynamicModule {
  const database = { schema: definition.schema, migrations: serviceMigrations(definition), outbox: definition.exactlyOnce };
  return {
    module: class ServiceRootModule {},
    imports: [PlatformModule.forRoot({ settings, database }), ...definition.features],
  };
}

export function bootService(definition: ServiceDefinition, settings: ServiceSettings): Promise<StartedService> {
  return startService(serviceModule(definition, settings), settings, definition.configureHttp);
}

/** The body of every `main.ts`: settings from the environment, boot, or exit non-zero with the reason. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  try {
    await bootService(definition, settingsFromEnv(definition.name, definition.defaultPort));
  } catch (error) {
    new Logger(definition.name).error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** The body of every `migrate.ts`: apply the service's pending migrations to its own schema. */
export async function runMigrations(definition: ServiceDefinition): Promise<void> {
  const settings = settingsFromEnv(definition.name, definition.defaultPort);
  const logger = new Logger(`${definition.name}.migrate`);
  try {
    const applied = await migrateServiceDatabase({ url: settings.databaseUrl, schema: definition.schema, migrations: serviceMigrations(definition) });
    logger.log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema up to date');
  } catch (error) {
    logger.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
