import type { MessageInitShape } from '@bufbuild/protobuf';
import type { NatsConnection } from '@nats-io/nats-core';
import { Queries } from '@sigil/catalog';
import { connectToNats, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import type { Agent, ListAgentsRequestSchema } from '@sigil/schemas';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { evolutionService } from '../evolution.service';

const RUN = randomUUID().slice(0, 8);
/** Read-only fixtures for the list queries. */
const LISTED = `agents-listed-${RUN}`;
/** Another tenant with an agent of the same name, for isolation. */
const OTHER = `agents-other-${RUN}`;
/** Where the tests that change agents work. */
const WRITES = `agents-writes-${RUN}`;

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const names = (agents: Agent[]) => agents.map((agent) => agent.name);

describe('the agent registry over NATS, on the evolution service', () => {
  let service: StartedService;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let queries: QueryClient;

  const create = (tenantId: string, name: string, stratum: string, description: string, maxTotalTokens = 0n) =>
    queries.request(Queries.CreateAgent, { name, stratum, description, systemPrompt: 'Be brief.', maxTotalTokens }, { tenantId, traceparent: TRACEPARENT });
  const get = (tenantId: string, name: string) => queries.request(Queries.GetAgent, { name }, { tenantId });
  const list = (tenantId: string, request: MessageInitShape<typeof ListAgentsRequestSchema> = {}) =>
    queries.request(Queries.ListAgents, { page: 1, perPage: 100, ...request }, { tenantId });
  const update = (tenantId: string, name: string, fields: { stratum?: string; description?: string; systemPrompt?: string; status?: string; maxTotalTokens?: bigint }) =>
    queries.request(Queries.UpdateAgent, { name, ...fields }, { tenantId });
  const remove = (tenantId: string, name: string) => queries.request(Queries.DeleteAgent, { name }, { tenantId });
  const versions = (tenantId: string, name: string, page = 1, perPage = 100) => queries.request(Queries.ListAgentVersions, { name, page, perPage }, { tenantId });

  /** Pins the times the registry set, so date filters and time sorts have exact answers. */
  const pinTimes = (tenantId: string, name: string, createdAt: string, updatedAt = createdAt) =>
    dataSource.query(`UPDATE evolution.agents SET created_at = $3, updated_at = $4 WHERE tenant_id = $1 AND name = $2`, [tenantId, name, createdAt, updatedAt]);

  beforeAll(async () => {
    const infrastructure = testInfrastructure();
    await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: evolutionService.schema, migrations: serviceMigrations(evolutionService) });
    service = await bootService(evolutionService, { ...settingsFromEnv(evolutionService.name, 0), ...infrastructure, httpPort: 0 });
    dataSource = service.app.get(DataSource);
    nc = await connectToNats(infrastructure.natsUrl, 'agents-test');
    queries = new QueryClient(nc, 'agents-test');

    const listed: [string, string, string, string][] = [
      ['alpha', 'RTI', 'Answers questions', '2025-01-01T00:00:00Z'],
      ['bravo', 'ORC', 'Plans 100% of the work', '2025-04-01T00:00:00Z'],
      ['charlie', 'RTI', 'Summarises long text', '2025-03-01T00:00:00.500Z'],
      ['delta', 'ORC', 'Costs 100 credits', '2025-02-01T00:00:00Z'],
      ['echo', 'KNW', 'Handles A_B tests', '2025-06-01T00:00:00Z'],
      ['foxtrot', 'KNW', 'Tunes AxB ratios', '2025-05-01T00:00:00Z'],
    ];
    // Created in reverse name order, with creation times out of name order: ties come out by name only through the tiebreak.
    for (const [name, stratum, description, createdAt] of [...listed].reverse()) {
      expect((await create(LISTED, name, stratum, description)).agent?.version).toBe(1);
      await pinTimes(LISTED, name, createdAt);
    }
    expect((await update(LISTED, 'charlie', { status: 'inactive' })).agent?.version).toBe(2);
    await pinTimes(LISTED, 'charlie', '2025-03-01T00:00:00.500Z', '2025-12-01T00:00:00Z');

    await create(OTHER, 'alpha', 'RTI', 'Tenant B secret, 100% private');
    await create(OTHER, 'zulu', 'KNW', 'Only tenant B has me');
  }, 60_000);

  afterAll(async () => {
    // The database is shared by every test file; the tenants' versions go with their agents.
    await dataSource?.query(`DELETE FROM evolution.agents WHERE tenant_id = ANY($1)`, [[LISTED, OTHER, WRITES]]);
    await nc?.drain();
    await service?.app.close();
  });

  describe('create and get', () => {
    it('creates an active agent at version 1, records that version, and refuses the same name twice', async () => {
      const before = Date.now();
      const { agent, error } = await create(WRITES, 'creator', 'RTI', 'Made in a test');
      expect(error).toBeUndefined();
      expect(agent).toMatchObject({ name: 'creator', stratum: 'RTI', description: 'Made in a test', systemPrompt: 'Be brief.', status: 'active', version: 1 });
      expect(agent?.updatedAt).toBe(agent?.createdAt);
      expect(Date.parse(agent?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1_000);
      expect((await get(WRITES, 'creator')).agent).toEqual(agent);
      const history = await versions(WRITES, 'creator');
      expect(history.total).toBe(1n);
      expect(history.versions).toEqual([agent]);

      const again = await create(WRITES, 'creator', 'ORC', 'Again');
      expect(again.agent).toBeUndefined();
      expect(again.error).toMatchObject({ code: 'AGT_002', status: 409 });
      expect((await get(WRITES, 'creator')).agent?.stratum).toBe('RTI');
    });

    it('answers 404 AGT_001 for an agent that does not exist', async () => {
      const { agent, error } = await get(WRITES, 'nobody');
      expect(agent).toBeUndefined();
      expect(error).toMatchObject({ code: 'AGT_001', message: "agent 'nobody' not found", status: 404 });
    });
  });

  describe('list', () => {
    it('lists every agent of the tenant by creation time, with every field and the total', async () => {
      const { agents, total, error } = await list(LISTED);
      expect(error).toBeUndefined();
      expect(total).toBe(6n);
      expect(names(agents)).toEqual(['alpha', 'delta', 'charlie', 'bravo', 'foxtrot', 'echo']);
      expect(agents[0]).toMatchObject({
        name: 'alpha',
        stratum: 'RTI',
        description: 'Answers questions',
        systemPrompt: 'Be brief.',
        status: 'active',
        version: 1,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      });
      expect(agents[2]).toMatchObject({ name: 'charlie', status: 'inactive', version: 2, updatedAt: '2025-12-01T00:00:00.000Z' });
    });

    it('filters by exact stratum and by status', async () => {
      const rti = await list(LISTED, { stratum: 'RTI' });
      expect([names(rti.agents), rti.total]).toEqual([['alpha', 'charlie'], 2n]);
      expect(names((await list(LISTED, { stratum: 'RT' })).agents)).toEqual([]);
      const inactive = await list(LISTED, { status: 'inactive' });
      expect([names(inactive.agents), inactive.total]).toEqual([['charlie'], 1n]);
      const active = await list(LISTED, { status: 'active', stratum: 'ORC' });
      expect([names(active.agents), active.total]).toEqual([['delta', 'bravo'], 2n]);
    });

    it('filters by creation time, the lower bound inclusive and the upper exclusive, in any offset', async () => {
      const between = await list(LISTED, { createdAfter: '2025-02-01T00:00:00Z', createdBefore: '2025-04-01T00:00:00Z' });
      expect([names(between.agents), between.total]).toEqual([['delta', 'charlie'], 2n]);
      // 01:00:00.5 at +01:00 is charlie's creation instant exactly.
      expect(names((await list(LISTED, { createdAfter: '2025-03-01T01:00:00.5+01:00' })).agents)).toEqual(['charlie', 'bravo', 'foxtrot', 'echo']);
      expect(names((await list(LISTED, { createdBefore: '2025-03-01T01:00:00.5+01:00' })).agents)).toEqual(['alpha', 'delta']);
    });

    it('searches name and description case-insensitively, taking % and _ literally', async () => {
      expect(names((await list(LISTED, { q: 'ANSWERS' })).agents)).toEqual(['alpha']);
      expect(names((await list(LISTED, { q: 'rLi' })).agents)).toEqual(['charlie']);
      const percent = await list(LISTED, { q: '100%' });
      expect([names(percent.agents), percent.total]).toEqual([['bravo'], 1n]);
      expect(names((await list(LISTED, { q: 'a_b' })).agents)).toEqual(['echo']);
      expect(names((await list(LISTED, { q: '%' })).agents)).toEqual(['bravo']);
      expect(names((await list(LISTED, { q: '\\' })).agents)).toEqual([]);
      const combined = await list(LISTED, { q: '100', stratum: 'ORC', status: 'active' });
      expect([names(combined.agents), combined.total]).toEqual([['delta', 'bravo'], 2n]);
    });

    it('sorts by several keys in order, descending where asked, with name as the tiebreak', async () => {
      const sorted = async (...sort: [string, 'asc' | 'desc'][]) =>
        names((await list(LISTED, { sort: sort.map(([field, direction]) => ({ field, descending: direction === 'desc' })) })).agents);
      expect(await sorted(['stratum', 'asc'], ['created_at', 'desc'])).toEqual(['echo', 'foxtrot', 'bravo', 'delta', 'charlie', 'alpha']);
      expect(await sorted(['status', 'desc'], ['updated_at', 'asc'])).toEqual(['charlie', 'alpha', 'delta', 'bravo', 'foxtrot', 'echo']);
      expect(await sorted(['updated_at', 'desc'])).toEqual(['charlie', 'echo', 'foxtrot', 'bravo', 'delta', 'alpha']);
      expect(await sorted(['name', 'desc'])).toEqual(['foxtrot', 'echo', 'delta', 'charlie', 'bravo', 'alpha']);
      expect(await sorted(['version', 'desc'])).toEqual(['charlie', 'alpha', 'bravo', 'delta', 'echo', 'foxtrot']);
    });

    it('pages through the matches, the total counting all of them', async () => {
      const first = await list(LISTED, { page: 1, perPage: 4 });
      expect([names(first.agents), first.total]).toEqual([['alpha', 'delta', 'charlie', 'bravo'], 6n]);
      const second = await list(LISTED, { page: 2, perPage: 4 });
      expect([names(second.agents), second.total]).toEqual([['foxtrot', 'echo'], 6n]);
      const beyond = await list(LISTED, { page: 3, perPage: 4 });
      expect([names(beyond.agents), beyond.total]).toEqual([[], 6n]);
      const filtered = await list(LISTED, { stratum: 'ORC', page: 2, perPage: 1, sort: [{ field: 'name', descending: true }] });
      expect([names(filtered.agents), filtered.total]).toEqual([['bravo'], 2n]);
    });

    it.each([
      [{ sort: [{ field: 'colour', descending: false }] }, "sort field 'colour'"],
      [{ sort: [{ field: 'name; DROP TABLE evolution.agents', descending: false }] }, "sort field 'name; DROP TABLE evolution.agents'"],
      [{ createdAfter: 'last tuesday' }, 'created_after must be an RFC 3339 timestamp'],
      [{ createdBefore: '2025-02-30T00:00:00Z' }, 'created_before must be an RFC 3339 timestamp'],
      [{ page: 0 }, 'page must be at least 1, got 0'],
      [{ perPage: 101 }, 'per_page must be between 1 and 100, got 101'],
      [{ status: 'retired' }, "status must be one of active, inactive, got 'retired'"],
    ] as [MessageInitShape<typeof ListAgentsRequestSchema>, string][])('refuses %j with REQ_001 (400) naming the argument', async (request, message) => {
      const { agents, total, error } = await list(LISTED, request);
      expect(error).toMatchObject({ code: 'REQ_001', status: 400 });
      expect(error?.message).toContain(message);
      expect([agents, total]).toEqual([[], 0n]);
    });
  });

  describe('update and versions', () => {
    it('changes only the fields set, bumps the version each time and records every version', async () => {
      const created = (await create(WRITES, 'writer', 'RTI', 'First words')).agent;
      const second = (await update(WRITES, 'writer', { description: 'Second words' })).agent;
      expect(second).toMatchObject({
        name: 'writer',
        stratum: 'RTI',
        description: 'Second words',
        systemPrompt: 'Be brief.',
        status: 'active',
        version: 2,
        createdAt: created?.createdAt,
      });
      expect(Date.parse(second?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(created?.updatedAt ?? ''));
      const third = (await update(WRITES, 'writer', { status: 'inactive', systemPrompt: '' })).agent;
      expect(third).toMatchObject({ stratum: 'RTI', description: 'Second words', systemPrompt: '', status: 'inactive', version: 3 });
      expect((await get(WRITES, 'writer')).agent).toEqual(third);

      const history = await versions(WRITES, 'writer');
      expect(history.total).toBe(3n);
      expect(history.versions.map(({ version, description, systemPrompt, status }) => ({ version, description, systemPrompt, status }))).toEqual([
        { version: 3, description: 'Second words', systemPrompt: '', status: 'inactive' },
        { version: 2, description: 'Second words', systemPrompt: 'Be brief.', status: 'active' },
        { version: 1, description: 'First words', systemPrompt: 'Be brief.', status: 'active' },
      ]);
      expect(history.versions.map((version) => version.createdAt)).toEqual([created?.createdAt, created?.createdAt, created?.createdAt]);
      expect(history.versions.map((version) => version.updatedAt)).toEqual([third?.updatedAt, second?.updatedAt, created?.updatedAt]);

      const page = await versions(WRITES, 'writer', 2, 2);
      expect([page.versions.map((version) => version.version), page.total]).toEqual([[1], 3n]);
    });

    it('refuses an update that sets nothing or an unknown status, and changes nothing', async () => {
      await create(WRITES, 'steady', 'RTI', 'Unchanged');
      const empty = await update(WRITES, 'steady', {});
      expect(empty.error).toMatchObject({ code: 'REQ_001', status: 400 });
      const badStatus = await update(WRITES, 'steady', { status: 'paused', description: 'Changed' });
      expect(badStatus.error).toMatchObject({ code: 'REQ_001', status: 400, message: "status must be one of active, inactive, got 'paused'" });
      expect((await get(WRITES, 'steady')).agent).toMatchObject({ description: 'Unchanged', version: 1 });
      expect((await versions(WRITES, 'steady')).total).toBe(1n);
    });

    it('answers 404 AGT_001 when updating or listing the versions of an agent that does not exist', async () => {
      expect((await update(WRITES, 'nobody', { description: 'x' })).error).toMatchObject({ code: 'AGT_001', status: 404 });
      expect((await versions(WRITES, 'nobody')).error).toMatchObject({ code: 'AGT_001', status: 404 });
    });

    it('refuses a versions page out of range', async () => {
      expect((await versions(WRITES, 'writer', 1, 0)).error).toMatchObject({ code: 'REQ_001', status: 400, message: 'per_page must be between 1 and 100, got 0' });
    });

    it('gives concurrent updates distinct consecutive versions, each recorded as it was written', async () => {
      await create(WRITES, 'racer', 'RTI', 'Start');
      const descriptions = Array.from({ length: 10 }, (_, index) => `Update ${index}`);
      const replies = await Promise.all(descriptions.map((description) => update(WRITES, 'racer', { description })));
      const written = replies.map((reply) => ({ version: reply.agent?.version, description: reply.agent?.description }));
      expect(written.map((entry) => entry.version).sort((a = 0, b = 0) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

      const history = await versions(WRITES, 'racer');
      expect(history.total).toBe(11n);
      expect(history.versions.map((version) => version.version)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      const recorded = history.versions.filter((version) => version.version > 1).map(({ version, description }) => ({ version, description }));
      expect(recorded).toEqual([...written].sort((a, b) => (b.version ?? 0) - (a.version ?? 0)));
      expect((await get(WRITES, 'racer')).agent).toMatchObject({ version: 11, description: recorded[0].description });
      const times = history.versions.map((version) => Date.parse(version.updatedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  });

  describe('token budget', () => {
    it('keeps the budget an agent is created with, and an agent created without one has none (0)', async () => {
      expect((await create(WRITES, 'thrifty', 'RTI', 'Counts tokens', 40_000n)).agent).toMatchObject({ name: 'thrifty', maxTotalTokens: 40_000n, version: 1 });
      expect((await get(WRITES, 'thrifty')).agent?.maxTotalTokens).toBe(40_000n);
      expect((await create(WRITES, 'lavish', 'RTI', 'Uses the default')).agent?.maxTotalTokens).toBe(0n);
      const stored = await dataSource.query(`SELECT name, max_total_tokens FROM evolution.agents WHERE tenant_id = $1 AND name = ANY($2) ORDER BY name`, [WRITES, ['lavish', 'thrifty']]);
      expect(stored).toEqual([
        { name: 'lavish', max_total_tokens: null },
        { name: 'thrifty', max_total_tokens: '40000' },
      ]);
    });

    it('changes the budget as a new version, keeps it through other changes, clears it with 0, and records each version’s budget', async () => {
      await create(WRITES, 'budgeted', 'RTI', 'Before', 10_000n);
      expect((await update(WRITES, 'budgeted', { maxTotalTokens: 2_000_000n })).agent).toMatchObject({ maxTotalTokens: 2_000_000n, description: 'Before', version: 2 });
      expect((await update(WRITES, 'budgeted', { description: 'After' })).agent).toMatchObject({ maxTotalTokens: 2_000_000n, description: 'After', version: 3 });
      expect((await update(WRITES, 'budgeted', { maxTotalTokens: 0n })).agent).toMatchObject({ maxTotalTokens: 0n, version: 4 });
      expect((await get(WRITES, 'budgeted')).agent?.maxTotalTokens).toBe(0n);
      const history = await versions(WRITES, 'budgeted');
      expect(history.versions.map(({ version, maxTotalTokens }) => [version, maxTotalTokens])).toEqual([
        [4, 0n],
        [3, 2_000_000n],
        [2, 2_000_000n],
        [1, 10_000n],
      ]);
    });

    it('refuses a negative budget on create and on update with REQ_001, and changes nothing', async () => {
      const refused = await create(WRITES, 'negative', 'RTI', 'Never made', -1n);
      expect(refused.error).toMatchObject({ code: 'REQ_001', status: 400, message: 'max_total_tokens must be 0 (the platform default) or a positive number of tokens, got -1' });
      expect((await get(WRITES, 'negative')).error).toMatchObject({ code: 'AGT_001' });
      await create(WRITES, 'kept', 'RTI', 'Keeps its budget', 5_000n);
      expect((await update(WRITES, 'kept', { maxTotalTokens: -10n })).error).toMatchObject({ code: 'REQ_001', status: 400 });
      expect((await get(WRITES, 'kept')).agent).toMatchObject({ maxTotalTokens: 5_000n, version: 1 });
    });
  });

  describe('delete', () => {
    it('deletes the agent and its versions; the name can then start again at version 1', async () => {
      await create(WRITES, 'doomed', 'RTI', 'Soon gone');
      await update(WRITES, 'doomed', { description: 'Still going' });
      const deleted = await remove(WRITES, 'doomed');
      expect(deleted).toMatchObject({ deleted: true });
      expect(deleted.error).toBeUndefined();
      expect((await get(WRITES, 'doomed')).error).toMatchObject({ code: 'AGT_001', status: 404 });
      expect((await versions(WRITES, 'doomed')).error).toMatchObject({ code: 'AGT_001', status: 404 });
      const leftovers = await dataSource.query(`SELECT version FROM evolution.agent_versions WHERE tenant_id = $1 AND name = $2`, [WRITES, 'doomed']);
      expect(leftovers).toEqual([]);

      const again = await remove(WRITES, 'doomed');
      expect(again.deleted).toBe(false);
      expect(again.error).toMatchObject({ code: 'AGT_001', message: "agent 'doomed' not found", status: 404 });

      expect((await create(WRITES, 'doomed', 'ORC', 'Reborn')).agent?.version).toBe(1);
      const history = await versions(WRITES, 'doomed');
      expect([history.total, history.versions.map((version) => version.description)]).toEqual([1n, ['Reborn']]);
    });
  });

  describe('tenant isolation', () => {
    it('gets only the caller’s agent of a name both tenants use', async () => {
      expect((await get(LISTED, 'alpha')).agent?.description).toBe('Answers questions');
      expect((await get(OTHER, 'alpha')).agent?.description).toBe('Tenant B secret, 100% private');
      expect((await get(LISTED, 'zulu')).error).toMatchObject({ code: 'AGT_001', status: 404 });
    });

    it('lists and searches only the caller’s agents', async () => {
      const other = await list(OTHER);
      expect([names(other.agents), other.total]).toEqual([['alpha', 'zulu'], 2n]);
      expect((await list(LISTED)).total).toBe(6n);
      const secret = await list(LISTED, { q: 'secret' });
      expect([secret.agents, secret.total]).toEqual([[], 0n]);
      expect(names((await list(LISTED, { q: 'private' })).agents)).toEqual([]);
      expect(names((await list(LISTED, { q: 'zulu' })).agents)).toEqual([]);
      expect(names((await list(OTHER, { q: '100%' })).agents)).toEqual(['alpha']);
    });

    it('neither updates, deletes nor lists the versions of another tenant’s agent', async () => {
      expect((await update(LISTED, 'zulu', { description: 'hijacked' })).error).toMatchObject({ code: 'AGT_001', status: 404 });
      expect((await remove(LISTED, 'zulu')).error).toMatchObject({ code: 'AGT_001', status: 404 });
      expect((await versions(LISTED, 'zulu')).error).toMatchObject({ code: 'AGT_001', status: 404 });
      expect((await get(OTHER, 'zulu')).agent).toMatchObject({ description: 'Only tenant B has me', version: 1 });

      expect((await update(OTHER, 'alpha', { description: 'B changed its own' })).agent?.version).toBe(2);
      expect((await get(LISTED, 'alpha')).agent).toMatchObject({ description: 'Answers questions', version: 1 });
      const history = await versions(LISTED, 'alpha');
      expect([history.total, history.versions.map((version) => version.description)]).toEqual([1n, ['Answers questions']]);
      expect((await remove(OTHER, 'alpha')).deleted).toBe(true);
      expect((await get(LISTED, 'alpha')).agent?.name).toBe('alpha');
    });
  });
});
