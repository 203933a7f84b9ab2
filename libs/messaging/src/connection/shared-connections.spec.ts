import { SharedConnections } from './shared-connections';

/** A connection that only counts its drains: what the sharing decides is when to drain. */
class CountedConnection {
  drains = 0;
  constructor(readonly name: string) {}
  async drain(): Promise<void> {
    this.drains += 1;
  }
}

const opened: CountedConnection[] = [];
const sharing = () => {
  opened.length = 0;
  return new SharedConnections(async (_servers: string, name: string) => {
    const connection = new CountedConnection(name);
    opened.push(connection);
    return connection;
  });
};

describe('shared connections', () => {
  it('given two services asking for the same servers, when both acquire, then one connection is opened, named by the first', async () => {
    const connections = sharing();
    const [first, second] = await Promise.all([connections.acquire('nats://a:4222', 'host: planner,gateway'), connections.acquire('nats://a:4222', 'other')]);
    expect(first).toBe(second);
    expect(opened.map((connection) => connection.name)).toEqual(['host: planner,gateway']);
  });

  it('given two users, when the first releases, then the connection stays open until the last does', async () => {
    const connections = sharing();
    const connection = await connections.acquire('nats://a:4222', 'host');
    await connections.acquire('nats://a:4222', 'host');
    await connections.release('nats://a:4222');
    expect(connection.drains).toBe(0);
    await connections.release('nats://a:4222');
    expect(connection.drains).toBe(1);
  });

  it('given a released connection, when a service asks again, then a new one is opened', async () => {
    const connections = sharing();
    await connections.acquire('nats://a:4222', 'host');
    await connections.release('nats://a:4222');
    await connections.acquire('nats://a:4222', 'host');
    expect(opened).toHaveLength(2);
  });

  it('given other servers, when acquired, then they get a connection of their own', async () => {
    const connections = sharing();
    expect(await connections.acquire('nats://a:4222', 'host')).not.toBe(await connections.acquire('nats://b:4222', 'host'));
  });

  it('given a connection that failed to open, when a service asks again, then it is tried again', async () => {
    let attempts = 0;
    const connections = new SharedConnections(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('connection refused');
      return new CountedConnection('host');
    });
    await expect(connections.acquire('nats://a:4222', 'host')).rejects.toThrow('connection refused');
    await expect(connections.acquire('nats://a:4222', 'host')).resolves.toBeInstanceOf(CountedConnection);
  });

  it('given no connection held, when released, then the mistake is named', async () => {
    await expect(sharing().release('nats://a:4222')).rejects.toThrow('no shared connection to nats://a:4222 is held');
  });
});
