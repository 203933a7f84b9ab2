import { create, toBinary } from '@bufbuild/protobuf';
import { Logger } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { allEvents, Events } from '@sigil/catalog';
import { connectToNats, createEnvelope, ensureStreams, envelopeToHeaders, streamConfigs } from '@sigil/messaging';
import { testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { RunOutcomes } from './run-outcomes';

const TENANT = 'outcomes-tenant';
const NOT_A_RUN_COMPLETED = new Uint8Array([0xff, 0xff, 0xff, 0xff]);

/** Waiting for runs' ends, heard on the real nats-server as every gateway replica hears them. */
describe('run outcomes on NATS', () => {
  let nats: NatsConnection;
  let jsm: JetStreamManager;
  let outcomes: RunOutcomes;
  let storedBefore: number;
  const warnings: string[] = [];

  /**
   * On plain NATS, as the gateway hears it. The stream that keeps run events would store it too, and
   * the services other test files start would consume it: a stream name no stream has makes the
   * stream refuse it, while subscribers still get it.
   */
  const publishCompletion = async (runId: string, data: Uint8Array, tenantId = TENANT) => {
    const envelope = createEnvelope({ type: Events.RunCompleted.type, source: 'planner', dataSchema: 'proto:sigil.run.v1.RunCompleted', tenantId, runId });
    const headers = envelopeToHeaders(envelope);
    headers.set('Nats-Expected-Stream', 'RUN_OUTCOMES_TEST_ONLY');
    nats.publish(Events.RunCompleted.subject, data, { headers });
    await nats.flush();
  };
  const completionOf = (runId: string) => toBinary(Events.RunCompleted.schema, create(Events.RunCompleted.schema, { runId, sessionId: 's', response: `answer of ${runId}` }));
  const lastStoredRunEvent = async () => (await jsm.streams.info(Events.RunCompleted.stream)).state.last_seq;

  beforeAll(async () => {
    // What the service logs, kept for the test to read (Nest's own hook for another logger).
    Logger.overrideLogger({ log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)) });
    nats = await connectToNats(testInfrastructure().natsUrl, 'run-outcomes-test');
    jsm = await jetstreamManager(nats);
    // The run stream as services declare it, so the test can show it stores none of its messages.
    await ensureStreams(jsm, streamConfigs(allEvents.filter((event) => event.stream === Events.RunCompleted.stream)));
    outcomes = new RunOutcomes(nats);
    await outcomes.onModuleInit();
  });

  beforeEach(async () => {
    warnings.length = 0;
    storedBefore = await lastStoredRunEvent();
  });

  afterEach(async () => {
    expect(await lastStoredRunEvent()).toBe(storedBefore);
  });

  afterAll(async () => {
    outcomes.onModuleDestroy();
    await nats.drain();
  });

  it("given a request waiting for its run, when the run's completion is heard, then the wait ends with the completed event", async () => {
    const runId = randomUUID();
    const waiting = outcomes.waitFor(runId, TENANT, 10_000);

    await publishCompletion(runId, completionOf(runId));

    await expect(waiting).resolves.toMatchObject({ status: 'completed', event: { runId, response: `answer of ${runId}` } });
  });

  it("given another tenant's event for the same run id, when heard, then the wait goes on", async () => {
    const runId = randomUUID();
    const waiting = outcomes.waitFor(runId, TENANT, 300);

    await publishCompletion(runId, completionOf(runId), 'someone-else');

    await expect(waiting).resolves.toEqual({ status: 'timeout' });
  });

  it('given the end of a run this replica does not wait for, when heard, then it is not decoded; the end of a waited run is', async () => {
    const waitedRunId = randomUUID();
    const waiting = outcomes.waitFor(waitedRunId, TENANT, 500);

    await publishCompletion(randomUUID(), NOT_A_RUN_COMPLETED);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warnings).toEqual([]);

    await publishCompletion(waitedRunId, NOT_A_RUN_COMPLETED);
    await expect(waiting).resolves.toEqual({ status: 'timeout' });
    expect(warnings).toEqual([expect.stringContaining('ignoring undecodable sigil.run.v1.completed')]);
  });
});
