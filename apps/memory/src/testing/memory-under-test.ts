import type { NatsConnection } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { connectToNats, EventPublisher, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { purgeSubject, testInfrastructure } from '@sigil/testing';
import { DataSource } from 'typeorm';
import { memoryService } from '../memory.service';

/** The memory service on the harness's servers, and a client's view of it over the bus. */
export interface MemoryUnderTest {
  /** The booted service, to look at a replica's own state (its vector index). */
  app: StartedService['app'];
  dataSource: DataSource;
  nc: NatsConnection;
  queries: QueryClient;
  publisher: EventPublisher;
  /** Deletes the tenants' memory (the database is shared by every test file) and stops everything. */
  close(tenants: string[]): Promise<void>;
}

/** Sets the variables while `work` runs (the service reads its settings as it boots), then restores them. */
async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Boots the memory service; `env` sets its settings (e.g. ANTHROPIC_BASE_URL of a fake model) for this boot only. */
export async function startMemory(client: string, env: Record<string, string> = {}): Promise<MemoryUnderTest> {
  const infrastructure = testInfrastructure();
  await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: memoryService.schema, migrations: serviceMigrations(memoryService) });
  process.env.SIGIL_LOG_LEVEL = 'warn';
  // Only this file's events: runs and resources other test files published (with no memory running) would
  // otherwise reach this service, and its embedding and model servers, through the shared durable consumers.
  for (const event of [Events.RunRequested, Events.RunCompleted, Events.ResourceStored]) await purgeSubject(event.subject);
  const service: StartedService = await withEnv(env, () =>
    bootService(memoryService, { ...settingsFromEnv(memoryService.name, 0), ...infrastructure, httpPort: 0 }),
  );
  const dataSource = service.app.get(DataSource);
  const nc = await connectToNats(infrastructure.natsUrl, client);
  return {
    app: service.app,
    dataSource,
    nc,
    queries: new QueryClient(nc, client),
    publisher: new EventPublisher(nc, client),
    async close(tenants) {
      // Items extracted from a resource go with it (the foreign key cascades); the rest are deleted by tenant.
      for (const table of ['resources', 'memory_items', 'categories', 'erasures']) {
        await dataSource.query(`DELETE FROM memory.${table} WHERE tenant_id = ANY($1)`, [tenants]);
      }
      await nc.drain();
      await service.app.close();
    },
  };
}
