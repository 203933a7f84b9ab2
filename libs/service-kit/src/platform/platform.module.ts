import { Inject, Logger, Module, Optional, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { allEvents, allQueries } from '@sigil/catalog';
import { connectToNats, EventPublisher, JetStreamServer, QueryClient, sharedNatsConnections } from '@sigil/messaging';
import { createServiceDataSource, OutboxRelay, UnitOfWork } from '@sigil/persistence';
import type { NatsConnection } from '@nats-io/nats-core';
import { Redis } from 'ioredis';
import { DataSource, type MigrationInterface } from 'typeorm';
import { HealthController } from '../health/health.controller';
import type { ServiceSettings } from '../config/service-settings';
import { NATS_CONNECTION, REDIS, SERVICE_SETTINGS } from './tokens';

export interface PlatformOptions {
  settings: ServiceSettings;
  /**
   * The service's own schema and migrations; services without state still get a pool for /readyz.
   * `outbox`: the schema has the inbox/outbox tables, so UnitOfWork and the outbox relay run.
   */
  database: { schema: string; migrations: (new () => MigrationInterface)[]; outbox: boolean };
}

/**
 * The same plumbing for every service: NATS connection, JetStream transport, publisher and query
 * client, the service's DataSource with its inbox/outbox, Redis, and the health endpoints.
 */
@Module({})
export class PlatformModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlatformModule.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly dataSource: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    const { settings, database } = options;
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_SETTINGS, useValue: settings },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            settings.sharedConnectionName ? sharedNatsConnections.acquire(settings.natsUrl, settings.sharedConnectionName) : connectToNats(settings.natsUrl, settings.serviceName),
        },
        {
          provide: REDIS,
          // Auto-pipelining sends the commands of concurrent requests issued in one tick as one write.
          useFactory: () => new Redis(settings.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false, enableAutoPipelining: true }),
        },
        {
          provide: DataSource,
          useFactory: () => createServiceDataSource({ url: settings.databaseUrl, schema: database.schema, migrations: database.migrations }).initialize(),
        },
        {
          provide: EventPublisher,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => new EventPublisher(nc, settings.serviceName),
        },
        { provide: QueryClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new QueryClient(nc, settings.serviceName) },
        ...(database.outbox ? exactlyOnceProviders(settings, database.schema) : []),
        {
          provide: JetStreamServer,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => new JetStreamServer({ serviceName: settings.serviceName, connection: nc, events: allEvents, queries: allQueries }),
        },
      ],
      exports: [
        SERVICE_SETTINGS,
        NATS_CONNECTION,
        REDIS,
        DataSource,
        EventPublisher,
        QueryClient,
        JetStreamServer,
        ...(database.outbox ? [UnitOfWork, OutboxRelay] : []),
      ],
    };
  }

  /** Relays what a previous run committed but did not publish, then keeps sweeping. */
  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    const natsClosed = this.settings.sharedConnectionName ? sharedNatsConnections.release(this.settings.natsUrl) : this.nats.drain();
    await Promise.allSettled([this.dataSource.destroy(), this.redis.quit(), natsClosed]);
    this.logger.log(`${this.settings.serviceName}: connections closed`);
  }
}

/** UnitOfWork (inbox + outbox in one transaction) and the relay that publishes the outbox. */
function exactlyOnceProviders(settings: ServiceSettings, schema: string): Provider[] {
  return [
    {
      provide: OutboxRelay,
      inject: [DataSource, EventPublisher],
      useFactory: (dataSource: DataSource, publisher: EventPublisher) =>
        new OutboxRelay(dataSource, schema, publisher, new Logger(`${settings.serviceName}.outbox`)),
    },
    {
      provide: UnitOfWork,
      inject: [DataSource, OutboxRelay],
      useFactory: (dataSource: DataSource, relay: OutboxRelay) => new UnitOfWork(dataSource, schema, settings.serviceName, relay),
    },
  ];
}
