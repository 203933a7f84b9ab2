import {
  ALL_SCOPES,
  isAlive,
  localJwtSecret,
  migrateAll,
  mintToken,
  PLATFORM_SERVICES,
  portIsOpen,
  runningPid,
  servicePorts,
  startInfrastructure,
  startServiceProcess,
  stopInfrastructure,
  stopServices,
} from '@sigil/local-stack';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localStackConfig } from './local-config';

const root = path.resolve(import.meta.dirname, '../../..');
const stateDir = path.join(root, '.sigil', 'local');
const write = (line = '') => process.stdout.write(`${line}\n`);

async function up(): Promise<void> {
  const config = localStackConfig(process.env);
  write('starting NATS (JetStream), PostgreSQL and Redis under .sigil/local ...');
  const urls = await startInfrastructure(stateDir, config.ports, { durable: true });
  const jwtSecret = process.env.SIGIL_JWT_SECRET ?? localJwtSecret(stateDir);
  const env = { ...process.env, NATS_URL: urls.natsUrl, DATABASE_URL: urls.databaseUrl, REDIS_URL: urls.redisUrl, SIGIL_JWT_SECRET: jwtSecret };
  write('running migrations ...');
  migrateAll(root, env);
  write('starting services ...');
  const services = servicePorts(process.env);
  await Promise.all(services.map((service) => startServiceProcess(root, stateDir, service, env)));
  await status();
  const gateway = `http://127.0.0.1:${process.env.SIGIL_API_PORT ?? 8000}`;
  write();
  write(`Sigil is up: ${gateway}`);
  write('  every /v7 call needs credentials; mint a local token (all scopes, tenant "default", 1 hour):');
  write('       TOKEN=$(./sigil token)          # options: --tenant T --scope "agents:read ..." --tier pro --ttl 600');
  write(`  then: curl -s -XPOST ${gateway}/v7/agents -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`);
  write(`         -d '{"name":"helper","stratum":"RTI","description":"answers questions","system_prompt":"Be brief."}'`);
  write(`       curl -s -XPOST ${gateway}/v7/agents/helper/run -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"input":"hello"}'`);
  write(`  API description: ${gateway}/v7/docs   ./sigil down stops everything`);
}

async function down(): Promise<void> {
  await stopServices(stateDir);
  await stopInfrastructure(stateDir);
  write('stopped');
}

async function status(): Promise<void> {
  const config = localStackConfig(process.env);
  const rows: string[][] = [['process', 'pid', 'where', 'state']];
  const infra = [
    ['nats', config.ports.nats, `nats://127.0.0.1:${config.ports.nats}`],
    ['postgres', config.ports.postgres, `postgres://127.0.0.1:${config.ports.postgres}/sigil`],
    ['redis', config.ports.redis, `redis://127.0.0.1:${config.ports.redis}`],
  ] as const;
  for (const [name, port, where] of infra) {
    const pid = runningPid(stateDir, name);
    rows.push([name, String(pid ?? '-'), where, pid && (await portIsOpen(port)) ? 'up' : 'down']);
  }
  for (const service of servicePorts(process.env)) {
    const pid = runningPid(stateDir, service.name);
    const url = `http://127.0.0.1:${service.port}`;
    const ready = pid && isAlive(pid) ? await readiness(`${url}/readyz`) : 'down';
    rows.push([service.name, String(pid ?? '-'), url, ready]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) write(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}

async function readiness(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? 'ready' : `not ready (${response.status})`;
  } catch {
    return 'not answering';
  }
}

/** Prints a bearer token signed with the local stack's secret. */
async function token(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { tenant: { type: 'string', default: 'default' }, scope: { type: 'string', default: ALL_SCOPES }, tier: { type: 'string' }, ttl: { type: 'string', default: '3600' } },
  });
  const secret = process.env.SIGIL_JWT_SECRET ?? localJwtSecret(stateDir);
  write(await mintToken(secret, { tenantId: values.tenant, scope: values.scope, tier: values.tier, ttlSeconds: Number(values.ttl) }));
}

const commands: Record<string, () => Promise<void>> = { up, down, status, token };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  write(`usage: sigil <${Object.keys(commands).join('|')}|test>  (${PLATFORM_SERVICES.length} services)`);
  process.exit(2);
}
try {
  await command();
} catch (error) {
  process.stderr.write(`sigil ${process.argv[2]}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
