import { createServer, type AddressInfo, type Server } from 'node:net';
import type { InfrastructurePorts } from './infrastructure';

const listeningOnAnyPort = () =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

/**
 * Asks the kernel for `count` free loopback ports, all different: each is held until every one is
 * drawn. (Drawn one at a time, a port just released can come back at once, and two servers of one
 * stack would then be given the same port.)
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, listeningOnAnyPort));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/** Ports for a stack's nats-server, PostgreSQL and Redis. */
export async function freeInfrastructurePorts(): Promise<InfrastructurePorts> {
  const [nats, postgres, redis] = await freePorts(3);
  return { nats, postgres, redis };
}
