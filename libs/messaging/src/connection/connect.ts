import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Connects for good: the client reconnects forever, so a NATS restart is an outage, not a crash. */
export function connectToNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
    // Each request (every JetStream publish) would otherwise build two Errors with stack traces
    // for a timeout that rarely comes: a measurable share of a hop. Timeouts still name the subject.
    noAsyncTraces: true,
  });
}
