import { jetstreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { connectToNats, createEnvelope, EventPublisher } from '@sigil/messaging';
import { fixtureController, fixtureEvent, startFixtureService, type FixtureService } from '@sigil/messaging/testing';
import type { FixtureWork } from '@sigil/schemas';
import { countingStatements, eventually, isTestProcessRunning, killTestProcess, startTestProcess, testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createServiceDataSource, migrateServiceDatabase } from '../data-source/service-data-source';
import { FIXTURE_SCHEMA, fixtureMigrations } from '../testing/fixture-database';
import { inlineSql } from './inline-sql';
import { OutboxRelay } from './outbox-relay';
import { UnitOfWork, type TenantTransaction } from './unit-of-work';

const WORKER = path.resolve('dist/libs/persistence/src/testing/inbox-worker.js');

async function firstMessage(subscription: Subscription): Promise<Msg> {
  for await (const message of subscription) return message;
  throw new Error(`no message on ${subscription.getSubject()}`);
}

describe('exactly-once effects through the inbox, on real NATS and PostgreSQL', () => {
  let nc: NatsConnection;
  let dataSource: DataSource;
  let publisher: EventPublisher;
  const workers: string[] = [];
  const services: FixtureService[] = [];

  beforeAll(async () => {
    const { natsUrl, databaseUrl } = testInfrastructure();
    await migrateServiceDatabase({ url: databaseUrl, schema: FIXTURE_SCHEMA, migrations: fixtureMigrations });
    dataSource = await createServiceDataSource({ url: databaseUrl, schema: FIXTURE_SCHEMA, migrations: fixtureMigrations }).initialize();
    nc = await connectToNats(natsUrl, 'inbox-test');
    publisher = new EventPublisher(nc, 'inbox-test');
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((name) => killTestProcess(name)));
    await Promise.all(services.splice(0).map((service) => service.close()));
  });

  afterAll(async () => {
    await nc.drain();
    await dataSource.destroy();
  });

  const effectsOf = async (workId: string, tenantId = 'tenant-a') =>
    dataSource.query<{ worker: string }[]>(`SELECT worker FROM fixture.effects WHERE tenant_id = $1 AND work_id = $2`, [tenantId, workId]);

  /** Starts a replica process and waits until it consumes. */
  const startWorker = async (name: string, event: string, env: Record<string, string> = {}) => {
    const ready = nc.subscribe(`fixture.ready.${name}`, { max: 1 });
    const { natsUrl, databaseUrl } = testInfrastructure();
    startTestProcess(name, WORKER, { ...process.env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, FIXTURE_WORKER: name, FIXTURE_EVENT: event, SIGIL_LOG_LEVEL: 'warn', ...env });
    workers.push(name);
    await firstMessage(ready);
  };

  /** Which replica started working on the item (subscribed before publishing, so no signal is missed). */
  const startedBy = async (workId: string) => (await firstMessage(nc.subscribe(`fixture.started.${workId}`, { max: 1 }))).string();

  it('processes a message once when the replica handling it is killed mid-handler', async () => {
    await startWorker('replica-a', 'killed_mid_handler', { FIXTURE_HOLD_MS: '60000' });
    const started = startedBy('w-kill');
    await publisher.publish(fixtureEvent('killed_mid_handler'), { workId: 'w-kill' }, { tenantId: 'tenant-a' });
    expect(await started).toBe('replica-a');

    await startWorker('replica-b', 'killed_mid_handler');
    await killTestProcess('replica-a');
    expect(isTestProcessRunning('replica-a')).toBe(false);

    const effects = await eventually(async () => {
      const rows = await effectsOf('w-kill');
      expect(rows).toHaveLength(1);
      return rows;
    }, 30_000);
    expect(effects[0].worker).toBe('replica-b');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await effectsOf('w-kill')).toHaveLength(1);
  });

  it('changes nothing when a message is redelivered after a crash between commit and ack', async () => {
    await startWorker('crashing', 'crash_before_ack', { FIXTURE_DIE_AFTER_COMMIT: '1' });
    const started = startedBy('w-crash');
    await publisher.publish(fixtureEvent('crash_before_ack'), { workId: 'w-crash' }, { tenantId: 'tenant-a' });
    expect(await started).toBe('crashing');
    await eventually(() => expect(isTestProcessRunning('crashing')).toBe(false));
    expect(await effectsOf('w-crash')).toEqual([{ worker: 'crashing' }]);

    await startWorker('survivor', 'crash_before_ack');
    const jsm = await jetstreamManager(nc);
    const event = fixtureEvent('crash_before_ack');
    await eventually(async () => {
      const info = await jsm.consumers.info(event.stream, 'fixture-inbox__sigil_fixture_v1_crash_before_ack');
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
      expect(info.delivered.consumer_seq).toBeGreaterThanOrEqual(2);
    }, 30_000);
    expect(await effectsOf('w-crash')).toEqual([{ worker: 'crashing' }]);
  });

  it('marks what several transactions published in one statement, a moment later', async () => {
    const relayed = fixtureEvent('outbox_marked');
    const tenantId = `tenant-mark-${randomUUID()}`;
    const marks = countingStatements(dataSource, (sql) => sql.includes('SET published_at'));
    // A mark window far longer than three commits and publishes take, even on a loaded machine (50 ms in service was not, once, in CI).
    const relay = new OutboxRelay(marks.dataSource, FIXTURE_SCHEMA, publisher, { warn: () => undefined }, { markDelayMs: 1_000 });
    const unitOfWork = new UnitOfWork(dataSource, FIXTURE_SCHEMA, 'mark-test', relay);
    const received: string[] = [];
    services.push(await startFixtureService('mark-test', testInfrastructure().natsUrl, [relayed], [fixtureController<FixtureWork>(relayed, {}, async (work) => void received.push(work.workId))]));
    const cause = () => ({ consumerName: 'mark-test', envelope: createEnvelope({ type: 'fixture.cause', source: 'mark-test', dataSchema: 'proto:fixture', tenantId }) });

    await Promise.all(['m1', 'm2', 'm3'].map((workId) => unitOfWork.handle(cause(), async (tx) => tx.emit(relayed, { workId }))));

    await eventually(() => expect(received.sort()).toEqual(['m1', 'm2', 'm3']));
    const unmarked = () => dataSource.query<{ count: string }[]>(`SELECT count(*) FROM fixture.outbox WHERE tenant_id = $1 AND published_at IS NULL`, [tenantId]);
    await eventually(async () => expect(await unmarked()).toEqual([{ count: '0' }]));
    expect(marks.count()).toBe(1);
    await relay.stop();
  });

  it('given a publish still in flight, when the relay stops, then it waits for it and marks it before stopping, leaving no mark to a timer', async () => {
    const relayed = fixtureEvent('outbox_stopped');
    const tenantId = `tenant-stop-${randomUUID()}`;
    const relay = new OutboxRelay(dataSource, FIXTURE_SCHEMA, publisher, { warn: () => undefined });
    const unitOfWork = new UnitOfWork(dataSource, FIXTURE_SCHEMA, 'stop-test', relay);
    services.push(await startFixtureService('stop-test', testInfrastructure().natsUrl, [relayed], [fixtureController<FixtureWork>(relayed, {}, async () => undefined)]));
    const cause = { consumerName: 'stop-test', envelope: createEnvelope({ type: 'fixture.cause', source: 'stop-test', dataSchema: 'proto:fixture', tenantId }) };

    // The unit hands its event to the relay without waiting; the publish needs a round trip to NATS, so it is in flight when stop() is called.
    await unitOfWork.handle(cause, async (tx) => tx.emit(relayed, { workId: 'stopped' }));
    await relay.stop();

    expect(await dataSource.query(`SELECT published_at IS NOT NULL AS marked FROM fixture.outbox WHERE tenant_id = $1`, [tenantId])).toEqual([{ marked: true }]);
  });

  it('commits state and outbox together and relays the outbox once, in order', async () => {
    const source = fixtureEvent('outbox_source');
    const relayed = fixtureEvent('outbox_relayed');
    const relay = new OutboxRelay(dataSource, FIXTURE_SCHEMA, publisher, { warn: () => undefined });
    const unitOfWork = new UnitOfWork(dataSource, FIXTURE_SCHEMA, 'outbox-test', relay);
    const received: string[] = [];
    const handler = fixtureController<FixtureWork>(source, {}, async (work, context) => {
      const result = await unitOfWork.handle({ consumerName: context.consumerName, envelope: context.envelope }, async (tx) => {
        await tx.query(`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES ($1, $2, 'outbox-test')`, [tx.tenantId, work.workId]);
        tx.emit(relayed, { workId: `${work.workId}-1` });
        tx.emit(relayed, { workId: `${work.workId}-2` });
      });
      expect(result.status).toBe('processed');
    });
    const sink = fixtureController<FixtureWork>(relayed, {}, async (work) => {
      received.push(work.workId);
    });
    services.push(await startFixtureService('outbox-test', testInfrastructure().natsUrl, [source, relayed], [handler, sink]));

    await publisher.publish(source, { workId: 'o1' }, { tenantId: 'tenant-a' });
    await eventually(() => expect(received).toEqual(['o1-1', 'o1-2']));

    const failing = fixtureController<FixtureWork>(fixtureEvent('outbox_rollback'), { maxDeliver: 1 }, async (work, context) => {
      await unitOfWork.handle({ consumerName: context.consumerName, envelope: context.envelope }, async (tx) => {
        await tx.query(`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES ($1, $2, 'outbox-test')`, [tx.tenantId, work.workId]);
        tx.emit(relayed, { workId: `${work.workId}-never` });
        throw new Error('rolled back on purpose');
      });
    });
    services.push(await startFixtureService('rollback-test', testInfrastructure().natsUrl, [fixtureEvent('outbox_rollback')], [failing]));
    await publisher.publish(fixtureEvent('outbox_rollback'), { workId: 'o2' }, { tenantId: 'tenant-a' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await effectsOf('o2')).toEqual([]);
    const [{ pending }] = await dataSource.query<{ pending: string }[]>(
      `SELECT count(*) AS pending FROM fixture.outbox WHERE tenant_id = $1 AND published_at IS NULL`,
      ['tenant-a'],
    );
    expect(Number(pending)).toBe(0);
    expect(received).toEqual(['o1-1', 'o1-2']);
    await relay.stop();
  });

  describe('on one pooled connection, with every round trip to PostgreSQL counted', () => {
    let single: DataSource;
    let roundTrips = 0;
    const relayed = fixtureEvent('round_trips');
    const tenantId = `tenant-trips-${randomUUID()}`;
    const delivery = () => ({ consumerName: 'trips-test', envelope: createEnvelope({ type: 'fixture.cause', source: 'trips-test', dataSchema: 'proto:fixture', tenantId }) });
    const quietRelay = () => new OutboxRelay(single, FIXTURE_SCHEMA, publisher, { warn: () => undefined });
    const unitOfWorkOnSingle = (relay = quietRelay()) => new UnitOfWork(single, FIXTURE_SCHEMA, 'trips-test', relay);
    const effect = (tx: TenantTransaction, workId: string) => tx.query(`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES ($1, $2, 'trips-test')`, [tx.tenantId, workId]);

    beforeAll(async () => {
      single = await createServiceDataSource({ url: testInfrastructure().databaseUrl, schema: FIXTURE_SCHEMA, migrations: fixtureMigrations, poolSize: 1 }).initialize();
      // One call of a pg client's query is one round trip, whether it holds one statement or several.
      (single.driver as unknown as { master: Pool }).master.on('acquire', (client) => {
        if ((client as { counted?: true }).counted) return;
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        Object.assign(client, { counted: true, query: (...args: unknown[]) => (roundTrips++, query(...args)) });
      });
    });

    afterAll(async () => {
      await dataSource.query(`DELETE FROM fixture.effects WHERE tenant_id = $1`, [tenantId]);
      await single?.destroy();
    });

    it('given a handler with one statement and one event, when handled, then three round trips commit inbox, effect and outbox, and the event is relayed intact', async () => {
      const relay = quietRelay();
      const unitOfWork = unitOfWorkOnSingle(relay);
      const received: { workId: string; causationId?: string }[] = [];
      services.push(
        await startFixtureService('trips-test', testInfrastructure().natsUrl, [relayed], [
          fixtureController<FixtureWork>(relayed, {}, async (work, context) => void received.push({ workId: work.workId, causationId: context.envelope.causationId })),
        ]),
      );
      const cause = delivery();
      const awkward = `trip-1 'quoted' \\ E'\\x00' $1 --`;
      roundTrips = 0;

      const result = await unitOfWork.handle(cause, async (tx) => {
        await effect(tx, 'trip-1');
        tx.emit(relayed, { workId: awkward });
        return 'done';
      });

      expect(result).toEqual({ status: 'processed', value: 'done' });
      expect(roundTrips).toBe(3);
      expect(await effectsOf('trip-1', tenantId)).toEqual([{ worker: 'trips-test' }]);
      await eventually(() => expect(received).toEqual([{ workId: awkward, causationId: cause.envelope.id }]));
      await relay.stop();
    });

    it('given a handler that fails after its statement, when handled, then nothing stays, the connection is clean, and the same message is handled on its retry', async () => {
      const unitOfWork = unitOfWorkOnSingle();
      const cause = delivery();

      await expect(unitOfWork.handle(cause, async (tx) => {
        await effect(tx, 'trip-2');
        throw new Error('failed on purpose');
      })).rejects.toThrow('failed on purpose');
      await expect(unitOfWork.handle(cause, async (tx) => tx.query('SELECT no_such_column FROM fixture.effects'))).rejects.toThrow(/no_such_column/);

      expect(await effectsOf('trip-2', tenantId)).toEqual([]);
      expect(await unitOfWork.handle(cause, (tx) => effect(tx, 'trip-2'))).toMatchObject({ status: 'processed' });
      expect(await unitOfWork.handle(cause, (tx) => effect(tx, 'trip-2'))).toEqual({ status: 'duplicate' });
      expect(await effectsOf('trip-2', tenantId)).toEqual([{ worker: 'trips-test' }]);
    });

    it("given a handler whose first statement opens the unit of work and whose write waits for the commit, when handled, then two round trips commit it all, the opening's rows reach the work, and the queued write runs after the work's own statements", async () => {
      const relay = quietRelay();
      const unitOfWork = unitOfWorkOnSingle(relay);
      const cause = delivery();
      roundTrips = 0;

      const result = await unitOfWork.handle(
        cause,
        async (tx, opened) => {
          tx.atCommit(inlineSql`UPDATE fixture.effects SET worker = ${'at-commit'} WHERE tenant_id = ${tx.tenantId} AND work_id = ${'trip-3'}`);
          tx.atCommit(inlineSql`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES (${tx.tenantId}, ${'trip-3'}, ${'queued-first'})`);
          tx.emit(relayed, { workId: 'trip-3' });
          return opened;
        },
        inlineSql`SELECT ${"it's open"}::text AS said, 41 + 1 AS answer`,
      );

      expect(result).toEqual({ status: 'processed', value: [{ said: "it's open", answer: 42 }] });
      expect(roundTrips).toBe(2);
      // Queued writes run in the order queued: the update found no row yet, so the insert's value stands.
      expect(await effectsOf('trip-3', tenantId)).toEqual([{ worker: 'queued-first' }]);
      await relay.stop();
      expect(await single.query(`SELECT subject FROM fixture.outbox WHERE envelope->>'causationId' = $1`, [cause.envelope.id])).toEqual([{ subject: relayed.subject }]);
    });

    it('given a write queued for the commit that fails, when committed, then nothing of the unit commits and its retry is handled', async () => {
      const unitOfWork = unitOfWorkOnSingle();
      const cause = delivery();

      await expect(
        unitOfWork.handle(cause, async (tx) => {
          await effect(tx, 'trip-4');
          tx.atCommit(inlineSql`INSERT INTO fixture.no_such_table VALUES (${1})`);
        }),
      ).rejects.toThrow(/no_such_table/);

      expect(await effectsOf('trip-4', tenantId)).toEqual([]);
      expect(await unitOfWork.handle(cause, (tx) => effect(tx, 'trip-4'))).toMatchObject({ status: 'processed' });
      expect(await effectsOf('trip-4', tenantId)).toEqual([{ worker: 'trips-test' }]);
    });

    it('given the connection dies in the middle of a unit, when handled, then the unit fails, the process lives on, and the pool gives the retry a working connection', async () => {
      const unitOfWork = unitOfWorkOnSingle();
      const cause = delivery();

      await expect(
        unitOfWork.handle(cause, async (tx) => {
          await effect(tx, 'trip-6');
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      ).rejects.toThrow(/terminat/);

      expect(await unitOfWork.handle(cause, (tx) => effect(tx, 'trip-6'))).toMatchObject({ status: 'processed' });
      expect(await effectsOf('trip-6', tenantId)).toEqual([{ worker: 'trips-test' }]);
    });

    it('given several deliveries, one handled before and one given twice, when handled together, then two round trips claim the new ones once each, in order, each emitting as its own cause', async () => {
      const relay = quietRelay();
      const unitOfWork = unitOfWorkOnSingle(relay);
      const [handledBefore, first, second] = [delivery(), delivery(), delivery()];
      await unitOfWork.handle(handledBefore, async () => undefined);
      roundTrips = 0;

      const result = await unitOfWork.handleAll([handledBefore, first, second, first].map((cause) => ({ delivery: cause })), async (claimed) => {
        for (const { delivery: claimedDelivery, tx } of claimed) tx.emit(relayed, { workId: claimedDelivery.envelope.id });
        return claimed.map(({ delivery: claimedDelivery }) => claimedDelivery.envelope.id);
      });

      expect(result).toEqual({ status: 'processed', value: [first.envelope.id, second.envelope.id] });
      expect(roundTrips).toBe(2);
      await relay.stop();
      const outbox = await single.query<{ causation: string }[]>(`SELECT envelope->>'causationId' AS causation FROM fixture.outbox WHERE tenant_id = $1 AND envelope->>'causationId' = ANY($2)`, [
        tenantId,
        [handledBefore.envelope.id, first.envelope.id, second.envelope.id],
      ]);
      expect(outbox.map((row) => row.causation).sort()).toEqual([first.envelope.id, second.envelope.id].sort());
      expect(await unitOfWork.handleAll([{ delivery: first }, { delivery: second }], async () => 'again')).toEqual({ status: 'duplicate' });
    });

    it('given deliveries of two tenants, when handled together, then the unit refuses them before touching the database', async () => {
      const unitOfWork = unitOfWorkOnSingle();
      const other = { consumerName: 'trips-test', envelope: createEnvelope({ type: 'fixture.cause', source: 'trips-test', dataSchema: 'proto:fixture', tenantId: `${tenantId}-other` }) };
      roundTrips = 0;

      await expect(unitOfWork.handleAll([{ delivery: delivery() }, { delivery: other }], async () => undefined)).rejects.toThrow('a unit of work handles the deliveries of one tenant');
      expect(roundTrips).toBe(0);
    });

    it("given a message handled before, when its opening statement writes, then the duplicate's write is rolled back with it", async () => {
      const unitOfWork = unitOfWorkOnSingle();
      const cause = delivery();
      const opening = (worker: string) => inlineSql`INSERT INTO fixture.effects (tenant_id, work_id, worker) VALUES (${tenantId}, ${'trip-5'}, ${worker}) RETURNING worker`;

      expect(await unitOfWork.handle(cause, async (_tx, opened) => opened, opening('first'))).toEqual({ status: 'processed', value: [{ worker: 'first' }] });
      expect(await unitOfWork.handle(cause, async (_tx, opened) => opened, opening('again'))).toEqual({ status: 'duplicate' });

      expect(await effectsOf('trip-5', tenantId)).toEqual([{ worker: 'first' }]);
    });
  });
});
