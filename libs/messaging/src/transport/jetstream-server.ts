import { create, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { lastValueFrom } from 'rxjs';
import { publishDeadLetter } from '../dead-letter/dead-letter';
import { parseSubject, type EventDefinition, type QueryDefinition } from '../definitions/message-definitions';
import { EnvelopeError, envelopeFromHeaders, type Envelope } from '../envelope/envelope';
import { ensureStreams } from '../streams/ensure-streams';
import { streamConfigs, type StreamTopologyOptions } from '../streams/stream-topology';
import type { ConsumerBinding } from './consumer-binding';
import { durableNameFor, PULL_EXPIRES_MS, resolveConsumerOptions, retryDelayMs } from './consumer-options';
import { ensureConsumer } from './ensure-consumer';
import { errorMessage, NonRetryableError, type DeadLetterReason } from './handler-errors';
import { InFlightLimiter } from './in-flight-limiter';
import { JetStreamContext, QueryContext } from './jetstream-context';
import { MaxDeliveriesWatcher } from './max-deliveries-watcher';
import { QueryErrorHeader } from './query-errors';

export interface JetStreamServerOptions {
  serviceName: string;
  connection: NatsConnection;
  events: readonly EventDefinition[];
  queries: readonly QueryDefinition[];
  topology?: StreamTopologyOptions;
  /** How long close() waits for in-flight handlers before giving up on them (they get redelivered). */
  drainTimeoutMs?: number;
}

const RESTART_DELAY_MS = 1_000;

/**
 * NestJS transport on JetStream: `@EventPattern(type)` handlers become durable pull consumers shared
 * by all replicas (one per service and event), `@MessagePattern(subject)` handlers answer
 * request/reply queries in the service's queue group.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(JetStreamServer.name);
  private js!: JetStreamClient;
  private jsm!: JetStreamManager;
  private closing = false;
  private readonly consuming = new Set<ConsumerMessages>();
  private readonly loops: Promise<void>[] = [];
  private readonly limiters: InFlightLimiter[] = [];
  private readonly subscriptions: Subscription[] = [];
  private watcher?: MaxDeliveriesWatcher;
  private readonly bindings: ConsumerBinding[] = [];

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  get consumerBindings(): readonly ConsumerBinding[] {
    return this.bindings;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const nc = this.options.connection;
      this.js = jetstream(nc);
      this.jsm = await jetstreamManager(nc);
      await ensureStreams(this.jsm, streamConfigs(this.options.events, this.options.topology));
      this.watcher = new MaxDeliveriesWatcher(nc, this.js, this.jsm, this.options.serviceName);
      for (const [pattern, handler] of this.messageHandlers) {
        if (handler.isEventHandler) this.bindings.push(...this.bindingsFor(pattern, handler));
        else this.answerQueries(pattern, handler);
      }
      for (const binding of this.bindings) {
        await ensureConsumer(this.jsm, binding);
        this.watcher.watch(binding);
        this.loops.push(this.consumeForever(binding));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const messages of this.consuming) messages.stop();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.watcher?.stop();
    const drained = Promise.all([...this.loops, ...this.limiters.map((limiter) => limiter.idle())]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, this.options.drainTimeoutMs ?? 10_000)));
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
  }

  on(): never {
    throw new Error('JetStreamServer does not support event listeners');
  }

  unwrap<T>(): T {
    return this.options.connection as T;
  }

  private bindingsFor(pattern: string, handler: MessageHandler): ConsumerBinding[] {
    const options = resolveConsumerOptions(handler.extras);
    const service = this.options.serviceName;
    if (options.allStreams) {
      const streams = [...new Set(this.options.events.map((event) => event.stream))];
      return streams.map((stream) => ({ pattern, handler, stream, durableName: durableNameFor(service, stream), options }));
    }
    const event = this.options.events.find((candidate) => candidate.type === pattern);
    if (!event) throw new Error(`no event ${pattern} in the catalogue; handlers may only consume catalogued events`);
    return [{ pattern, handler, stream: event.stream, durableName: options.durableName ?? durableNameFor(service, event.subject), event, options }];
  }

  /** Consumes until close(); a lost consumer (deleted, server restarted empty) is re-created. */
  private async consumeForever(binding: ConsumerBinding): Promise<void> {
    const limiter = new InFlightLimiter(binding.options.maxInFlight);
    this.limiters.push(limiter);
    while (!this.closing) {
      let messages: ConsumerMessages | undefined;
      try {
        const consumer = await this.js.consumers.get(binding.stream, binding.durableName);
        messages = await consumer.consume({ max_messages: binding.options.maxInFlight, expires: PULL_EXPIRES_MS });
        this.consuming.add(messages);
        void this.stopWhenConsumerIsLost(messages, binding);
        for await (const message of messages) {
          await limiter.acquire();
          void this.process(binding, message).finally(() => limiter.release());
        }
      } catch (error) {
        this.logger.warn(`consumer ${binding.durableName} stopped: ${errorMessage(error)}`);
      } finally {
        if (messages) this.consuming.delete(messages);
      }
      if (this.closing) break;
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      await this.restoreTopology(binding);
    }
  }

  private async stopWhenConsumerIsLost(messages: ConsumerMessages, binding: ConsumerBinding): Promise<void> {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found' || status.type === 'stream_not_found') {
        this.logger.warn(`consumer ${binding.durableName}: ${status.type}; re-creating it`);
        messages.stop();
        return;
      }
    }
  }

  private async restoreTopology(binding: ConsumerBinding): Promise<void> {
    try {
      await ensureStreams(this.jsm, streamConfigs(this.options.events, this.options.topology));
      await ensureConsumer(this.jsm, binding);
    } catch (error) {
      this.logger.warn(`could not restore ${binding.durableName} yet: ${errorMessage(error)}`);
    }
  }

  private async process(binding: ConsumerBinding, message: JsMsg): Promise<void> {
    let envelope: Envelope;
    let payload: unknown;
    try {
      envelope = envelopeFromHeaders(message.headers);
      payload = binding.event ? this.decode(binding.event, envelope, message.data) : message.data;
    } catch (error) {
      const reason = error instanceof NonRetryableError ? error.reason : error instanceof EnvelopeError ? 'invalid_envelope' : 'decode_failed';
      return this.deadLetter(binding, message, reason, errorMessage(error));
    }
    try {
      const result = await binding.handler(payload, new JetStreamContext([message, envelope, binding.durableName]));
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      message.ack();
    } catch (error) {
      if (error instanceof NonRetryableError) return this.deadLetter(binding, message, error.reason, error.message);
      if (message.info.deliveryCount >= binding.options.maxDeliver) {
        return this.deadLetter(binding, message, 'max_deliver_exhausted', errorMessage(error));
      }
      this.logger.warn(`${binding.durableName}: delivery ${message.info.deliveryCount} of ${binding.options.maxDeliver} (stream sequence ${message.seq}) failed, retrying: ${errorMessage(error)}`);
      message.nak(retryDelayMs(binding.options, message.info.deliveryCount));
    }
  }

  private decode(event: EventDefinition, envelope: Envelope, data: Uint8Array): unknown {
    if (envelope.type !== event.type) {
      const sent = parseSubject(envelope.type);
      const expected = parseSubject(event.type);
      const reason: DeadLetterReason = sent && expected && sent.major !== expected.major ? 'unknown_version' : 'invalid_envelope';
      throw new NonRetryableError(`ce-type ${envelope.type} is not ${event.type}`, reason);
    }
    let decoded;
    try {
      decoded = fromBinary(event.schema, data);
    } catch (error) {
      throw new NonRetryableError(`payload does not decode as ${event.schema.typeName}: ${errorMessage(error)}`, 'decode_failed');
    }
    const problems = event.validate(decoded);
    if (problems.length > 0) throw new NonRetryableError(`invalid ${event.schema.typeName}: ${problems.join('; ')}`, 'validation_failed');
    return decoded;
  }

  /** Stores the message in the dead-letter stream, then terminates it; if storing fails, it stays. */
  private async deadLetter(binding: ConsumerBinding, message: JsMsg, reason: DeadLetterReason, error: string): Promise<void> {
    try {
      await publishDeadLetter(
        this.js,
        { subject: message.subject, data: message.data, headers: message.headers, stream: binding.stream, streamSequence: message.seq },
        { reason, error, consumer: binding.durableName, deliveryCount: message.info.deliveryCount },
      );
      message.term(reason);
      this.logger.warn(`${binding.durableName}: dead-lettered ${binding.stream}#${message.seq} (${reason}): ${error}`);
    } catch (publishError) {
      this.logger.error(`${binding.durableName}: could not dead-letter ${binding.stream}#${message.seq}, keeping it: ${errorMessage(publishError)}`);
      message.nak(retryDelayMs(binding.options, message.info.deliveryCount));
    }
  }

  private answerQueries(subject: string, handler: MessageHandler): void {
    const query = this.options.queries.find((candidate) => candidate.subject === subject);
    if (!query) throw new Error(`no query ${subject} in the catalogue`);
    this.subscriptions.push(
      this.options.connection.subscribe(subject, {
        queue: this.options.serviceName,
        callback: (error, msg) => {
          if (!error) void this.answer(query, handler, msg);
        },
      }),
    );
  }

  private async answer(query: QueryDefinition, handler: MessageHandler, msg: Msg): Promise<void> {
    try {
      const envelope = envelopeFromHeaders(msg.headers);
      let request;
      try {
        request = fromBinary(query.request, msg.data);
      } catch (error) {
        throw new NonRetryableError(`request does not decode as ${query.request.typeName}: ${errorMessage(error)}`, 'decode_failed');
      }
      const result = await handler(request, new QueryContext([envelope]));
      const response = await lastValueFrom(this.transformToObservable(result));
      msg.respond(toBinary(query.response, create(query.response as DescMessage, response as never)));
    } catch (error) {
      const h = natsHeaders();
      const badRequest = error instanceof NonRetryableError || error instanceof EnvelopeError;
      h.set(QueryErrorHeader.code, badRequest ? 'BAD_REQUEST' : 'INTERNAL');
      h.set(QueryErrorHeader.message, badRequest ? errorMessage(error) : 'the service could not answer');
      if (!badRequest) this.logger.error(`query ${query.subject} failed: ${errorMessage(error)}`);
      msg.respond(new Uint8Array(), { headers: h });
    }
  }
}


