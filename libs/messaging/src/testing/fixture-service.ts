import { Controller, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectToNats } from '../connection/connect';
import type { EventDefinition } from '../definitions/message-definitions';
import type { ConsumerOptions } from '../transport/consumer-options';
import { OnEvent } from '../transport/handler-decorators';
import { JetStreamContext } from '../transport/jetstream-context';
import { JetStreamServer } from '../transport/jetstream-server';
import { RethrowRpcErrorsFilter } from '../transport/rethrow-rpc-errors.filter';

export type FixtureHandler<T> = (payload: T, context: JetStreamContext) => Promise<void>;

/** A controller consuming one event through the real transport, with the handler the test supplies. */
export function fixtureController<T>(event: EventDefinition, options: Partial<ConsumerOptions>, handle: FixtureHandler<T>): Type<unknown> {
  @Controller()
  class FixtureController {
    @OnEvent(event, options)
    handle(@Payload() payload: T, @Ctx() context: JetStreamContext) {
      return handle(payload, context);
    }
  }
  return FixtureController;
}

export interface FixtureService {
  connection: NatsConnection;
  server: JetStreamServer;
  close(): Promise<void>;
}

/** A bus-only Nest microservice on the JetStream transport, as the platform's services run it. */
export async function startFixtureService(
  serviceName: string,
  natsUrl: string,
  events: readonly EventDefinition[],
  controllers: Type<unknown>[],
  connection?: NatsConnection,
): Promise<FixtureService> {
  connection ??= await connectToNats(natsUrl, serviceName);
  const server = new JetStreamServer({ serviceName, connection, events, queries: [], drainTimeoutMs: 2_000 });
  @Module({ controllers })
  class FixtureModule {}
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(FixtureModule, { strategy: server, logger: ['fatal'] });
  app.useGlobalFilters(new RethrowRpcErrorsFilter());
  await app.listen();
  return {
    connection,
    server,
    close: async () => {
      await app.close();
      await connection.drain();
    },
  };
}
