import { create, toBinary } from '@bufbuild/protobuf';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { FixtureWorkSchema, type FixtureWork } from '@sigil/schemas';
import { eventually, restartNats, testInfrastructure } from '@sigil/testing';
import { connectToNats } from '../connection/connect';
import { DeadLetterHeader } from '../dead-letter/dead-letter';
import type { EventDefinition } from '../definitions/message-definitions';
import { createEnvelope, envelopeToHeaders, Header } from '../envelope/envelope';
import { EventPublisher } from '../publishing/event-publisher';
import { deadLetterStreamName } from '../streams/stream-topology';
import { fixtureController, fixtureEvent, startFixtureService, type FixtureService } from '../testing';
import { NonRetryableError } from './handler-errors';
import { JetStreamContext } from './jetstream-context';

describe('JetStream transport on a real nats-server', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const services: FixtureService[] = [];

  beforeAll(async () => {
    nc = await connectToNats(testInfrastructure().natsUrl, 'transport-test');
    jsm = await jetstreamManager(nc);
  });

  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()));
  });

  afterAll(async () => {
    await nc.drain();
  });

  const start = async (name: string, event: EventDefinition, options: Parameters<typeof fixtureController>[1], handle: (work: FixtureWork, context: JetStreamContext) => Promise<void>) => {
    const service = await startFixtureService(name, testInfrastructure().natsUrl, [event], [fixtureController<FixtureWork>(event, options, handle)]);
    services.push(service);
    return service;
  };

  const rawHeaders = (event: EventDefinition, type = event.type) => {
    const envelope = createEnvelope({ type, source: 'test', dataSchema: 'proto:sigil.fixture.v1.FixtureWork', tenantId: 'tenant-a', runId: 'run-1' });
    const headers = envelopeToHeaders(envelope);
    headers.set('x-original', 'kept');
    return { envelope, headers };
  };

  const deadLetters = async (event: EventDefinition) => {
    const stream = await jsm.streams.get(deadLetterStreamName(event.stream));
    const info = await stream.info();
    const letters = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const message = await stream.getMessage({ seq });
      if (message?.subject === `dlq.${event.subject}`) letters.push(message);
    }
    return letters;
  };

  it('dead-letters a payload that does not decode, with its bytes and headers intact, and keeps processing others', async () => {
    const event = fixtureEvent('undecodable');
    const handled: string[] = [];
    await start('decode-test', event, {}, async (work) => {
      handled.push(work.workId);
    });
    const garbage = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const { envelope, headers } = rawHeaders(event);
    const ack = await jetstream(nc).publish(event.subject, garbage, { headers, msgID: envelope.id });
    await new EventPublisher(nc, 'test').publish(event, { workId: 'after-garbage' }, { tenantId: 'tenant-a' });

    await eventually(() => expect(handled).toEqual(['after-garbage']));
    const [letter] = await eventually(async () => {
      const letters = await deadLetters(event);
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter.data).toEqual(garbage);
    expect(letter.header.get(Header.id)).toBe(envelope.id);
    expect(letter.header.get(Header.tenantId)).toBe('tenant-a');
    expect(letter.header.get('x-original')).toBe('kept');
    expect(letter.header.get(DeadLetterHeader.reason)).toBe('decode_failed');
    expect(letter.header.get(DeadLetterHeader.error)).toContain('does not decode as sigil.fixture.v1.FixtureWork');
    expect(letter.header.get(DeadLetterHeader.consumer)).toBe('decode-test__sigil_fixture_v1_undecodable');
    expect(letter.header.get(DeadLetterHeader.deliveryCount)).toBe('1');
    expect(letter.header.get(DeadLetterHeader.originalSubject)).toBe(event.subject);
    expect(letter.header.get(DeadLetterHeader.originalSequence)).toBe(String(ack.seq));
  });

  it('delivers a handler that always fails max_deliver times, then dead-letters the message', async () => {
    const event = fixtureEvent('always_fails');
    const deliveries: number[] = [];
    await start('fail-test', event, { maxDeliver: 3, backoffMs: [50] }, async (_work, context) => {
      deliveries.push(context.deliveryCount);
      throw new Error('downstream is down');
    });
    await new EventPublisher(nc, 'test').publish(event, { workId: 'doomed' }, { tenantId: 'tenant-a' });

    const [letter] = await eventually(async () => {
      const letters = await deadLetters(event);
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(deliveries).toEqual([1, 2, 3]);
    expect(letter.header.get(DeadLetterHeader.reason)).toBe('max_deliver_exhausted');
    expect(letter.header.get(DeadLetterHeader.error)).toBe('downstream is down');
    expect(letter.header.get(DeadLetterHeader.deliveryCount)).toBe('3');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveries).toHaveLength(3);
  });

  it('dead-letters at once what can never succeed: invalid payloads, unknown versions, handler rejections', async () => {
    const event = fixtureEvent('non_retryable');
    let calls = 0;
    await start('reject-test', event, { maxDeliver: 5 }, async (work) => {
      calls += 1;
      if (work.note === 'reject') throw new NonRetryableError('note says reject');
    });
    const js = jetstream(nc);
    const missingId = rawHeaders(event);
    await js.publish(event.subject, toBinary(FixtureWorkSchema, create(FixtureWorkSchema, { note: 'no id' })), { headers: missingId.headers, msgID: missingId.envelope.id });
    const v2 = rawHeaders(event, 'sigil.fixture.v2.non_retryable');
    await js.publish(event.subject, toBinary(FixtureWorkSchema, create(FixtureWorkSchema, { workId: 'w' })), { headers: v2.headers, msgID: v2.envelope.id });
    await new EventPublisher(nc, 'test').publish(event, { workId: 'r', note: 'reject' }, { tenantId: 'tenant-a' });

    const letters = await eventually(async () => {
      const found = await deadLetters(event);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(letters.map((letter) => letter.header.get(DeadLetterHeader.reason)).sort()).toEqual(['handler_rejected', 'unknown_version', 'validation_failed']);
    expect(letters.every((letter) => letter.header.get(DeadLetterHeader.deliveryCount) === '1')).toBe(true);
    expect(calls).toBe(1);
  });

  it('handles a message published twice with the same Msg-Id once', async () => {
    const event = fixtureEvent('published_twice');
    const handled: string[] = [];
    await start('dedup-test', event, {}, async (work) => {
      handled.push(work.workId);
    });
    const publisher = new EventPublisher(nc, 'test');
    const first = await publisher.publish(event, { workId: 'once' }, { tenantId: 'tenant-a', id: 'same-id' });
    const second = await publisher.publish(event, { workId: 'once' }, { tenantId: 'tenant-a', id: 'same-id' });
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    await publisher.publish(event, { workId: 'marker' }, { tenantId: 'tenant-a' });
    await eventually(() => expect(handled).toEqual(['once', 'marker']));
  });

  it('re-creates a consumer that was deleted under it and goes on consuming (at least once)', async () => {
    const event = fixtureEvent('consumer_lost');
    const handled: string[] = [];
    const service = await start('recreate-test', event, {}, async (work) => {
      handled.push(work.workId);
    });
    const publisher = new EventPublisher(nc, 'test');
    await publisher.publish(event, { workId: 'before' }, { tenantId: 'tenant-a' });
    await eventually(() => expect(handled).toEqual(['before']));

    const [binding] = service.server.consumerBindings;
    await jsm.consumers.delete(binding.stream, binding.durableName);
    const deletedAt = Date.now();
    await eventually(async () => expect((await jsm.consumers.info(binding.stream, binding.durableName)).name).toBe(binding.durableName), 20_000);
    expect(Date.now() - deletedAt).toBeLessThan(15_000);
    await publisher.publish(event, { workId: 'after' }, { tenantId: 'tenant-a' });
    // The new consumer has no ack state, so 'before' may come again: handlers with effects use the inbox.
    await eventually(() => expect(handled.at(-1)).toBe('after'), 20_000);
    expect(new Set(handled)).toEqual(new Set(['before', 'after']));
  });

  it('bounds the deliveries a replica works on at once to maxInFlight', async () => {
    const event = fixtureEvent('bounded');
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    await start('bounded-test', event, { maxInFlight: 2 }, async (work) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
      done.push(work.workId);
    });
    const publisher = new EventPublisher(nc, 'test');
    for (let i = 0; i < 8; i += 1) await publisher.publish(event, { workId: `w${i}` }, { tenantId: 'tenant-a' });
    await eventually(() => expect(done).toHaveLength(8));
    expect(peak).toBe(2);
  });

  it('dead-letters from the stream when the replica holding the last delivery never reports (MAX_DELIVERIES advisory)', async () => {
    const event = fixtureEvent('never_acked');
    let deliveries = 0;
    await start('advisory-test', event, { maxDeliver: 2, ackWaitMs: 500 }, async () => {
      deliveries += 1;
      await new Promise(() => undefined);
    });
    const ack = await new EventPublisher(nc, 'test').publish(event, { workId: 'stuck' }, { tenantId: 'tenant-a' });

    const [letter] = await eventually(async () => {
      const letters = await deadLetters(event);
      expect(letters).toHaveLength(1);
      return letters;
    }, 20_000);
    expect(deliveries).toBe(2);
    expect(letter.header.get(DeadLetterHeader.reason)).toBe('max_deliver_exhausted');
    expect(letter.header.get(DeadLetterHeader.deliveryCount)).toBe('2');
    expect(letter.header.get(DeadLetterHeader.originalSequence)).toBe(String(ack.seq));
    expect(letter.header.get(Header.tenantId)).toBe('tenant-a');
  });

  it('survives a nats-server restart: connections come back and consumers go on', async () => {
    const event = fixtureEvent('server_restart');
    const handled: string[] = [];
    await start('restart-test', event, {}, async (work) => {
      handled.push(work.workId);
    });
    const publisher = new EventPublisher(nc, 'test');
    await publisher.publish(event, { workId: 'before' }, { tenantId: 'tenant-a' });
    await eventually(() => expect(handled).toEqual(['before']));

    await restartNats();
    await eventually(() => publisher.publish(event, { workId: 'after' }, { tenantId: 'tenant-a', id: 'after-restart' }), 30_000, 500);
    await eventually(() => expect(handled).toEqual(['before', 'after']), 30_000);
  });
});
