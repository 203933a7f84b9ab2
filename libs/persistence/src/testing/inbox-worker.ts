/**
 * A replica of a stateful service for the crash tests, run as its own process so the test can
 * kill -9 it: it applies each work item through the inbox (UnitOfWork) and can hold the
 * transaction open (FIXTURE_HOLD_MS) or die right after committing (FIXTURE_DIE_AFTER_COMMIT).
 */
import 'reflect-metadata';
import { connectToNats, EventPublisher } from '@sigil/messaging';
import type { FixtureWork } from '@sigil/schemas';
import { FIXTURE_SCHEMA, fixtureMigrations } from './fixture-database';
import { fixtureController, fixtureEvent, startFixtureService } from '@sigil/messaging/testing';
import { createServiceDataSource } from '../data-source/service-data-source';
import { OutboxRelay } from '../inbox-outbox/outbox-relay';
import { deliveryOf, UnitOfWork } from '../inbox-outbox/unit-of-work';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const worker = env('FIXTURE_WORKER');
const event = fixtureEvent(env('FIXTURE_EVENT'));
const holdMs = Number(process.env.FIXTURE_HOLD_MS ?? 0);
const dieAfterCommit = process.env.FIXTURE_DIE_AFTER_COMMIT === '1';

const dataSource = await createServiceDataSource({ url: env('DATABASE_URL'), schema: FIXTURE_SCHEMA, migrations: fixtureMigrations }).initialize();
const connection = await connectToNats(env('NATS_URL'), worker);
const relay = new OutboxRelay(dataSource, FIXTURE_SCHEMA, new EventPublisher(connection, worker), { warn: () => undefined });
const unitOfWork = new UnitOfWork(dataSource, FIXTURE_SCHEMA, worker, relay);

const controller = fixtureController<FixtureWork>(event, { ackWaitMs: 2_000, maxDeliver: 10, backoffMs: [200] }, async (work, context) => {
  await unitOfWork.handle(deliveryOf(context), async (tx) => {
    await tx.query(`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES ($1, $2, $3)`, [tx.tenantId, work.workId, worker]);
    connection.publish(`fixture.started.${work.workId}`, worker);
    await connection.flush();
    await new Promise((resolve) => setTimeout(resolve, holdMs));
  });
  if (dieAfterCommit) process.kill(process.pid, 'SIGKILL');
});

await startFixtureService('fixture-inbox', env('NATS_URL'), [event], [controller], connection);
connection.publish(`fixture.ready.${worker}`, worker);
await connection.flush();
