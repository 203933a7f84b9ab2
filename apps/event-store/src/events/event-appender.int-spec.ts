import { headers as natsHeaders } from '@nats-io/nats-core';
import { createEnvelope } from '@sigil/messaging';
import { createServiceDataSource, migrateServiceDatabase } from '@sigil/persistence';
import { countingStatements, testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EVENT_STORE_SCHEMA, eventStoreMigrations } from '../migrations';
import { EventAppender, type EventToAppend } from './event-appender';

const RUN = randomUUID().slice(0, 8);
const TENANT = `appender-${RUN}`;

/** The event log's group commit, on the harness's PostgreSQL. */
describe('appending events in groups', () => {
  let dataSource: DataSource;

  const event = (stream: string, streamSequence: number, time?: string): EventToAppend => {
    const envelope = createEnvelope({ type: 'sigil.run.v1.requested', source: 'appender-test', dataSchema: 'proto:sigil.run.v1.RunRequested', tenantId: TENANT, runId: `run-${streamSequence}` });
    const headers = natsHeaders();
    headers.set('ce-id', envelope.id);
    return { envelope: time ? { ...envelope, time } : envelope, subject: 'sigil.run.v1.requested', stream, streamSequence, headers, payload: new Uint8Array([streamSequence % 256]) };
  };
  const storedSequences = async (stream: string): Promise<number[]> =>
    (await dataSource.query<{ stream_sequence: string }[]>(`SELECT stream_sequence FROM event_store.events WHERE stream = $1 ORDER BY stream_sequence`, [stream])).map((row) =>
      Number(row.stream_sequence),
    );

  beforeAll(async () => {
    const { databaseUrl } = testInfrastructure();
    const database = { url: databaseUrl, schema: EVENT_STORE_SCHEMA, migrations: eventStoreMigrations };
    await migrateServiceDatabase(database);
    dataSource = await createServiceDataSource(database).initialize();
  });

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM event_store.events WHERE tenant_id = $1`, [TENANT]);
    await dataSource?.destroy();
  });

  it('given many events at once, when appended, then each is stored with its headers and payload, in fewer statements than events', async () => {
    const stream = `MANY_${RUN}`;
    const statements = countingStatements(dataSource);
    const appender = new EventAppender(statements.dataSource);

    await Promise.all(Array.from({ length: 50 }, (_, index) => appender.append(event(stream, index + 1))));

    expect(await storedSequences(stream)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(statements.count()).toBeGreaterThan(0);
    expect(statements.count()).toBeLessThan(50);
    const [row] = await dataSource.query<{ headers: Record<string, string[]>; payload: Buffer; run_id: string }[]>(
      `SELECT headers, payload, run_id FROM event_store.events WHERE stream = $1 AND stream_sequence = 7`,
      [stream],
    );
    expect(row).toMatchObject({ run_id: 'run-7', payload: Buffer.from([7]) });
    expect(row.headers['ce-id']).toHaveLength(1);
  });

  it('given a linger, when events come one after another within it, then they are one statement, and each append resolves only once stored', async () => {
    const stream = `LINGER_${RUN}`;
    const statements = countingStatements(dataSource);
    const appender = new EventAppender(statements.dataSource, 200);

    const first = appender.append(event(stream, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statements.count()).toBe(0);
    const second = appender.append(event(stream, 2));
    await Promise.all([first, second]);

    expect(statements.count()).toBe(1);
    expect(await storedSequences(stream)).toEqual([1, 2]);
  });

  it('given a redelivered message, when appended again, in the same group or later, then it is stored once', async () => {
    const stream = `AGAIN_${RUN}`;
    const appender = new EventAppender(dataSource);

    await Promise.all([appender.append(event(stream, 1)), appender.append(event(stream, 1)), appender.append(event(stream, 2))]);
    await appender.append(event(stream, 2));

    expect(await storedSequences(stream)).toEqual([1, 2]);
  });

  it('given a group with an event that cannot be stored, when appended, then only that append fails and the others are stored', async () => {
    const stream = `POISON_${RUN}`;
    const appender = new EventAppender(dataSource);

    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((sequence) => appender.append(event(stream, sequence, sequence === 3 ? 'not a time' : undefined))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/not a time/);
    expect(await storedSequences(stream)).toEqual([1, 2, 4]);
  });
});
