import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';

/**
 * The floor the gateway is read against: a bare Fastify route answering the same agent JSON, with no
 * authentication, rate limit, Nest or headers of ours. What it costs per request says how fast this
 * machine is today; the gateway's cost above it is what our code adds. Started as a child process
 * by the gateway benchmark, it sends its port to the parent.
 */
const app = Fastify();
const agent = { stratum: 'RTI', description: 'benchmark agent', system_prompt: '', status: 'active', config: { max_total_tokens: null }, version: '1.0.0', revision: 1 };
app.get<{ Params: { name: string } }>('/v7/agents/:name', async (request) => ({ name: request.params.name, ...agent, created_at: new Date().toISOString() }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.((app.server.address() as AddressInfo).port);
