import { ALL_SCOPES, COMPACT_HOSTS, PLATFORM_SERVICES, runningPid, SERVICE_NODE_FLAGS } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from '@sigil/testing';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const PREFIX = 'e2e-hosts';

/** Established TCP connections of a process to a local port, read from /proc (its socket fds against the kernel's table). */
function connectionsTo(pid: number, port: number): number {
  const sockets = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode): inode is string => inode !== undefined),
  );
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter(([, , remote, state, , , , , , inode]) => remote.endsWith(`:${portHex}`) && state === '01' && sockets.has(inode)).length;
}

describe('the services in two host processes (ADR 0014), every hop still over JetStream', () => {
  let platform: RunningPlatform;
  let api: Api;

  beforeAll(async () => {
    platform = await startPlatform(E2E_AUTH_ENV, COMPACT_HOSTS, PREFIX);
    api = apiAt(platform.gateway, await bearer('tenant-e2e-hosts', ALL_SCOPES, { tier: 'enterprise' }));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('runs every service, each ready on its own port, in two processes started with the service Node flags and one NATS connection each', async () => {
    for (const { name } of PLATFORM_SERVICES) {
      const ready = await fetch(`${platform.urls[name]}/readyz`);
      expect([name, ready.status]).toEqual([name, 200]);
      expect([name, runningPid(testStateDir(), `${PREFIX}-${name}`)]).toEqual([name, undefined]);
    }
    const natsPort = Number(new URL(testInfrastructure().natsUrl).port);
    const hostPids = COMPACT_HOSTS.map((host) => runningPid(testStateDir(), `${PREFIX}-${host.join('+')}`));
    expect(hostPids.every((pid) => pid !== undefined)).toBe(true);
    expect(hostPids.map((pid) => connectionsTo(pid as number, natsPort))).toEqual([1, 1]);
    // The Node flags come before the entry script, where node reads them as its own (ADR 0015).
    const nodeArgs = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1, 1 + SERVICE_NODE_FLAGS.length);
    expect(hostPids.map((pid) => nodeArgs(pid as number))).toEqual(hostPids.map(() => [...SERVICE_NODE_FLAGS]));
  });

  it('runs an agent to completion and answers queries within a host and across the two', async () => {
    // The agent's store (evolution) is in the other host; the run's saga (planner) shares the gateway's.
    expect((await api('POST', '/v7/agents', { name: 'helper', stratum: 'RTI', description: 'answers questions' })).status).toBe(201);
    const run = await api('POST', '/v7/agents/helper/run', { input: 'What is a message bus?' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'completed', response: expect.stringContaining('What is a message bus?') });
    const readBack = await api('GET', `/v7/runs/${String(run.body.run_id)}`);
    expect([readBack.status, readBack.body.status]).toEqual([200, 'completed']);
    expect((await api('GET', '/v7/agents/helper')).status).toBe(200);
  });

  it('answers again after its host process is killed and started again (the other host keeps running)', async () => {
    await platform.killService('planner');
    await platform.startService('planner');
    const run = await api('POST', '/v7/agents/helper/run', { input: 'And a stream?' });
    expect([run.status, run.body.status]).toEqual([200, 'completed']);
  });
});
