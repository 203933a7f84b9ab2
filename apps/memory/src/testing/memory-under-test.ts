import type { NatsConnection } from '@nats-io/nats-core';
import { connectToNats, EventPublisher, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { testInfrastructure } from '@sigil/testing';
import { DataSource } from 'typeorm';
import { memoryService } from '../memory.service';

/** The memory service on the harness's servers, and a client's view of it over the bus. */
export interface MemoryUnderTest {
  dataSource: DataSource;
  nc: NatsConnection;
  queries: QueryClient;
  publisher: EventPublisher;
  /** Deletes the tenants' items (the database is shared by every test file) and stops everything. */
  close(tenants: string[]): Promise<void>;
}

export async function startMemory(client: string): Promise<MemoryUnderTest> {
  const infrastructure = testInfrastructure();
  await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: memoryService.schema, migrations: serviceMigrations(memoryService) });
  process.env.SIGIL_LOG_LEVEL = 'warn';
  const service: StartedService = await bootService(memoryService, { ...settingsFromEnv(memoryService.name, 0), ...infrastructure, httpPort: 0 });
  const dataSource = service.app.get(DataSource);
  const nc = await connectToNats(infrastructure.natsUrl, client);
  return {
    dataSource,
    nc,
    queries: new QueryClient(nc, client),
    publisher: new EventPublisher(nc, client),
    async close(tenants) {
      await dataSource.query(`DELETE FROM memory.memory_items WHERE tenant_id = ANY($1)`, [tenants]);
      await nc.drain();
      await service.app.close();
    },
  };
}
