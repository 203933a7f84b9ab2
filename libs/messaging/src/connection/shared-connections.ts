import type { NatsConnection } from '@nats-io/nats-core';
import { connectToNats } from './connect';

interface Drainable {
  drain(): Promise<void>;
}

/**
 * Connections that the services hosted in one process share (ADR 0014): one per server list, opened
 * by the first service that asks and drained when the last one lets go, so a service that stops
 * first does not close the others' subscriptions. A connection that fails to open is forgotten, so
 * the next service to ask tries again.
 */
export class SharedConnections<Connection extends Drainable> {
  private readonly byServers = new Map<string, { connection: Promise<Connection>; users: number }>();

  constructor(private readonly open: (servers: string, name: string) => Promise<Connection>) {}

  acquire(servers: string, name: string): Promise<Connection> {
    const shared = this.byServers.get(servers);
    if (shared) {
      shared.users += 1;
      return shared.connection;
    }
    const connection = this.open(servers, name);
    this.byServers.set(servers, { connection, users: 1 });
    connection.catch(() => this.byServers.delete(servers));
    return connection;
  }

  async release(servers: string): Promise<void> {
    const shared = this.byServers.get(servers);
    if (!shared) throw new Error(`no shared connection to ${servers} is held`);
    shared.users -= 1;
    if (shared.users > 0) return;
    this.byServers.delete(servers);
    await (await shared.connection).drain();
  }
}

/** This process's shared NATS connections. */
export const sharedNatsConnections = new SharedConnections<NatsConnection>(connectToNats);
