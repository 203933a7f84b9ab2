import type { NatsConnection } from '@nats-io/nats-core';
import { Queries } from '@sigil/catalog';
import { ACTI_TEMPLATES, buildContractPrompt, contractToWire, TEMPLATE_NAMES } from '@sigil/contracts';
import { connectToNats, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import type { StoredContract } from '@sigil/schemas';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { contractsService } from '../contracts.service';

const RUN = randomUUID().slice(0, 8);
/** Where contracts are created, changed and deleted. */
const TENANT_A = `contracts-a-${RUN}`;
/** Another tenant, for isolation: it has a contract of the same name as A's. */
const TENANT_B = `contracts-b-${RUN}`;
/** Read-only fixtures for the list query. */
const LISTED = `contracts-listed-${RUN}`;

/** A spec as a client writes it: defaults left out. */
const leadReview = (overrides: Record<string, unknown> = {}) => ({
  name: 'lead_review',
  description: 'Scores a lead',
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score from 0-100', validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 75 },
    { name: 'recommendation', type: 'str', description: 'Recommended action', validation_rules: [{ rule: 'not_empty' }] },
  ],
  ...overrides,
});

/** lead_review as stored: every default filled in, in the wire form's order. */
const LEAD_REVIEW_STORED = {
  name: 'lead_review',
  description: 'Scores a lead',
  version: '1.0.0',
  deliverables: [
    {
      name: 'score',
      description: 'Overall score from 0-100',
      required: true,
      type: 'int',
      validation_rules: [
        { rule: 'min', value: 0 },
        { rule: 'max', value: 100 },
      ],
      example: 75,
    },
    { name: 'recommendation', description: 'Recommended action', required: true, type: 'str', validation_rules: [{ rule: 'not_empty' }] },
  ],
  constraints: { max_total_tokens: 8000, max_tool_calls: 10, timeout_seconds: 120, warn_threshold: 0.8 },
  failure_strategy: 'retry',
  max_retries: 2,
};

const wireOf = (contract: StoredContract | undefined) => JSON.parse(contract?.contractJson ?? 'null') as Record<string, unknown>;
const namesOf = (contracts: StoredContract[]) => contracts.map((contract) => wireOf(contract).name);

describe('contract queries over NATS, on the contracts service', () => {
  let service: StartedService;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let queries: QueryClient;

  const create = (tenantId: string, spec: unknown) =>
    queries.request(Queries.CreateContract, { contractJson: typeof spec === 'string' ? spec : JSON.stringify(spec) }, { tenantId });
  const get = (tenantId: string, name: string) => queries.request(Queries.GetContract, { name }, { tenantId });
  const list = (tenantId: string, request: { page?: number; perPage?: number; q?: string } = {}) =>
    queries.request(Queries.ListContracts, { page: 1, perPage: 100, ...request }, { tenantId });
  const update = (tenantId: string, name: string, spec: unknown) =>
    queries.request(Queries.UpdateContract, { name, contractJson: typeof spec === 'string' ? spec : JSON.stringify(spec) }, { tenantId });
  const remove = (tenantId: string, name: string) => queries.request(Queries.DeleteContract, { name }, { tenantId });
  const validate = (tenantId: string, request: { contractName?: string; contractJson?: string; outputJson: string; outputIsText?: boolean }) =>
    queries.request(Queries.ValidateOutput, request, { tenantId });
  const revisions = (tenantId: string, name: string) =>
    dataSource.query<{ revision: number; version: string; description: string }[]>(
      `SELECT revision, contract->>'version' AS version, contract->>'description' AS description FROM contracts.contract_revisions
       WHERE tenant_id = $1 AND name = $2 ORDER BY revision`,
      [tenantId, name],
    );

  beforeAll(async () => {
    const infrastructure = testInfrastructure();
    await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: contractsService.schema, migrations: serviceMigrations(contractsService) });
    process.env.SIGIL_LOG_LEVEL = 'warn';
    service = await bootService(contractsService, { ...settingsFromEnv(contractsService.name, 0), ...infrastructure, httpPort: 0 });
    dataSource = service.app.get(DataSource);
    nc = await connectToNats(infrastructure.natsUrl, 'contract-queries-test');
    queries = new QueryClient(nc, 'contract-queries-test');

    const listed: [string, string][] = [
      ['alpha_report', 'Answers questions'],
      ['bravo_plan', 'Plans 100% of the work'],
      ['charlie_digest', 'Summarises long text'],
      ['delta_costs', 'Costs 100 credits'],
      ['echo_tests', 'Handles A_B tests'],
    ];
    // Created out of name order: the list's order by name shows.
    for (const [name, description] of [...listed].reverse()) {
      expect((await create(LISTED, leadReview({ name, description }))).contract?.revision).toBe(1);
    }
  }, 60_000);

  afterAll(async () => {
    // The database is shared by every test file; revisions go with their contracts.
    await dataSource?.query(`DELETE FROM contracts.contracts WHERE tenant_id = ANY($1)`, [[TENANT_A, TENANT_B, LISTED]]);
    await nc?.drain();
    await service?.app.close();
  });

  describe('create and get', () => {
    it('stores revision 1 in its canonical wire form, gets it back, and refuses the same name twice (CV-005)', async () => {
      const before = Date.now();
      const { contract, error, problems } = await create(TENANT_A, leadReview());
      expect([error, problems]).toEqual([undefined, []]);
      expect(contract).toMatchObject({ revision: 1, isTemplate: false });
      expect(wireOf(contract)).toEqual(LEAD_REVIEW_STORED);
      expect(contract?.updatedAt).toBe(contract?.createdAt);
      expect(Date.parse(contract?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1_000);
      expect((await get(TENANT_A, 'lead_review')).contract).toEqual(contract);
      expect(await revisions(TENANT_A, 'lead_review')).toEqual([{ revision: 1, version: '1.0.0', description: 'Scores a lead' }]);

      const again = await create(TENANT_A, leadReview({ description: 'Another' }));
      expect(again.contract).toBeUndefined();
      expect(again.error).toEqual(expect.objectContaining({ code: 'CV-005', status: 409, message: "a contract named 'lead_review' already exists" }));
      expect(wireOf((await get(TENANT_A, 'lead_review')).contract).description).toBe('Scores a lead');
    });

    it('refuses a template’s name with CV-005 and stores nothing', async () => {
      const { contract, error } = await create(TENANT_A, leadReview({ name: 'research_report' }));
      expect(contract).toBeUndefined();
      expect(error).toEqual(expect.objectContaining({ code: 'CV-005', status: 409, message: "'research_report' is the name of a template; choose another name" }));
      expect(await dataSource.query(`SELECT name FROM contracts.contracts WHERE tenant_id = $1 AND name = 'research_report'`, [TENANT_A])).toEqual([]);
    });

    it.each([
      ['a spec missing its description and with a bad name (CV-001)', leadReview({ name: 'Lead Review', description: undefined }), 'CV-001', [
        { path: 'name', code: 'CV-001', message: 'name must match ^[a-z][a-z0-9_]{2,63}$' },
        { path: 'description', code: 'CV-001', message: 'description must be text of 1 to 2000 characters' },
      ]],
      ['an unknown deliverable type (CV-002)', leadReview({ deliverables: [{ name: 'score', type: 'number', description: 'Score' }] }), 'CV-002', [
        { path: 'deliverables[0].type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' },
      ]],
      ['a rule that does not fit its type (CV-003)', leadReview({ deliverables: [{ name: 'title', type: 'str', description: 'Title', validation_rules: [{ rule: 'min', value: 1 }] }] }), 'CV-003', [
        { path: 'deliverables[0].validation_rules[0].rule', code: 'CV-003', message: 'min does not apply to str (only to int, float)' },
      ]],
      ['a type and a rule problem together (CV-001)', leadReview({ deliverables: [
        { name: 'score', type: 'number', description: 'Score' },
        { name: 'title', type: 'str', description: 'Title', validation_rules: [{ rule: 'pattern', value: '(a+)+' }] },
      ] }), 'CV-001', [
        { path: 'deliverables[0].type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' },
        { path: 'deliverables[1].validation_rules[0].value', code: 'CV-003', message: expect.stringContaining('(a+)+') },
      ]],
    ])('refuses %s with status 400 and the problems at their paths', async (_case, spec, code, expected) => {
      const { contract, error, problems } = await create(TENANT_A, spec);
      expect(contract).toBeUndefined();
      expect(error).toEqual(expect.objectContaining({ code, status: 400 }));
      expect(error?.message).toMatch(/^invalid contract specification: /);
      expect(problems).toEqual(expected.map((problem) => expect.objectContaining(problem)));
    });

    it('refuses text that is not JSON with CV-001 at the root', async () => {
      const { error, problems } = await create(TENANT_A, '{"name": "lead_review",');
      expect(error).toEqual(expect.objectContaining({ code: 'CV-001', status: 400 }));
      expect(problems).toEqual([expect.objectContaining({ path: '', code: 'CV-001', message: expect.stringMatching(/^the contract is not JSON: /) })]);
    });

    it('gets a template as read-only revision 1 without times, and answers 404 CV-004 for an unknown name', async () => {
      const { contract } = await get(TENANT_A, 'lead_qualification');
      expect(contract).toMatchObject({ revision: 1, isTemplate: true, createdAt: '', updatedAt: '' });
      expect(wireOf(contract)).toEqual(contractToWire(ACTI_TEMPLATES.lead_qualification));
      const missing = await get(TENANT_A, 'nobody_here');
      expect(missing.contract).toBeUndefined();
      expect(missing.error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404, message: "no contract or template named 'nobody_here'" }));
    });
  });

  describe('list', () => {
    it('lists the tenant’s own contracts by name with the total, and no templates', async () => {
      const { contracts, total, error } = await list(LISTED);
      expect(error).toBeUndefined();
      expect([namesOf(contracts), total]).toEqual([['alpha_report', 'bravo_plan', 'charlie_digest', 'delta_costs', 'echo_tests'], 5n]);
      expect(contracts.every((contract) => contract.revision === 1 && !contract.isTemplate)).toBe(true);
    });

    it('pages through the contracts, the total counting all of them', async () => {
      const second = await list(LISTED, { page: 2, perPage: 2 });
      expect([namesOf(second.contracts), second.total]).toEqual([['charlie_digest', 'delta_costs'], 5n]);
      const beyond = await list(LISTED, { page: 4, perPage: 2 });
      expect([namesOf(beyond.contracts), beyond.total]).toEqual([[], 5n]);
    });

    it('searches name and description case-insensitively, taking % and _ literally', async () => {
      const search = async (q: string) => {
        const { contracts, total } = await list(LISTED, { q });
        return [namesOf(contracts), total];
      };
      expect(await search('DIGEST')).toEqual([['charlie_digest'], 1n]);
      expect(await search('answers')).toEqual([['alpha_report'], 1n]);
      expect(await search('100')).toEqual([['bravo_plan', 'delta_costs'], 2n]);
      expect(await search('100%')).toEqual([['bravo_plan'], 1n]);
      expect(await search('a_b')).toEqual([['echo_tests'], 1n]);
      expect(await search('_')).toEqual([['alpha_report', 'bravo_plan', 'charlie_digest', 'delta_costs', 'echo_tests'], 5n]);
      expect(await search('%')).toEqual([['bravo_plan'], 1n]);
    });

    it.each([
      [{ page: 0 }, 'page must be at least 1, got 0'],
      [{ perPage: 101 }, 'per_page must be between 1 and 100, got 101'],
    ])('refuses %j with REQ_001 (400) naming the argument', async (request, message) => {
      const { contracts, total, error } = await list(LISTED, request);
      expect(error).toEqual(expect.objectContaining({ code: 'REQ_001', status: 400, message }));
      expect([contracts, total]).toEqual([[], 0n]);
    });
  });

  describe('update', () => {
    it('stores each update as a new revision, bumping the version unless the caller set one, and keeps every revision', async () => {
      const created = (await create(TENANT_A, leadReview({ name: 'lead_rework' }))).contract;
      const second = await update(TENANT_A, 'lead_rework', leadReview({ name: 'lead_rework', description: 'Second words' }));
      expect(second.error).toBeUndefined();
      expect(second.contract).toMatchObject({ revision: 2, isTemplate: false, createdAt: created?.createdAt });
      expect(wireOf(second.contract)).toMatchObject({ description: 'Second words', version: '1.1.0' });
      expect(Date.parse(second.contract?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(created?.updatedAt ?? ''));

      // The same version as the current one counts as not set; a new one is the caller's.
      const third = await update(TENANT_A, 'lead_rework', leadReview({ name: 'lead_rework', description: 'Third words', version: '1.1.0' }));
      expect([third.contract?.revision, wireOf(third.contract).version]).toEqual([3, '1.2.0']);
      const fourth = await update(TENANT_A, 'lead_rework', leadReview({ name: 'lead_rework', description: 'Fourth words', version: '2.0.0', failure_strategy: 'fail' }));
      expect([fourth.contract?.revision, wireOf(fourth.contract).version, wireOf(fourth.contract).failure_strategy]).toEqual([4, '2.0.0', 'fail']);

      expect((await get(TENANT_A, 'lead_rework')).contract).toEqual(fourth.contract);
      expect(await revisions(TENANT_A, 'lead_rework')).toEqual([
        { revision: 1, version: '1.0.0', description: 'Scores a lead' },
        { revision: 2, version: '1.1.0', description: 'Second words' },
        { revision: 3, version: '1.2.0', description: 'Third words' },
        { revision: 4, version: '2.0.0', description: 'Fourth words' },
      ]);
    });

    it('gives concurrent updates distinct consecutive revisions and versions', async () => {
      await create(TENANT_A, leadReview({ name: 'lead_race' }));
      const replies = await Promise.all(Array.from({ length: 6 }, (_, index) => update(TENANT_A, 'lead_race', leadReview({ name: 'lead_race', description: `Update ${index}` }))));
      expect(replies.map((reply) => reply.contract?.revision).sort()).toEqual([2, 3, 4, 5, 6, 7]);
      const history = await revisions(TENANT_A, 'lead_race');
      expect(history.map((revision) => revision.version)).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0']);
    });

    it('refuses a template with 403 CV-006, whatever the body', async () => {
      const { contract, error } = await update(TENANT_A, 'lead_qualification', 'not even JSON');
      expect(contract).toBeUndefined();
      expect(error).toEqual(
        expect.objectContaining({ code: 'CV-006', status: 403, message: "'lead_qualification' is a template and templates are read-only; create a contract of your own from it" }),
      );
    });

    it('answers 404 CV-004 for an unknown contract, even with an invalid body', async () => {
      expect((await update(TENANT_A, 'nobody_here', leadReview({ name: 'nobody_here' }))).error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404 }));
      expect((await update(TENANT_A, 'nobody_here', '{')).error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404 }));
      expect(await revisions(TENANT_A, 'nobody_here')).toEqual([]);
    });

    it('refuses a body naming another contract (CV-001 on name) and an invalid body (CV-002), changing nothing', async () => {
      await create(TENANT_A, leadReview({ name: 'lead_steady' }));
      const renamed = await update(TENANT_A, 'lead_steady', leadReview({ name: 'lead_moved' }));
      expect(renamed.error).toEqual(expect.objectContaining({ code: 'CV-001', status: 400 }));
      expect(renamed.problems).toEqual([
        expect.objectContaining({ path: 'name', code: 'CV-001', message: "name must be 'lead_steady', the contract being updated, not 'lead_moved'; create a new contract to use another name" }),
      ]);
      const badType = await update(TENANT_A, 'lead_steady', leadReview({ name: 'lead_steady', deliverables: [{ name: 'score', type: 'integer', description: 'S' }] }));
      expect(badType.error).toEqual(expect.objectContaining({ code: 'CV-002', status: 400 }));
      expect(badType.problems.map((problem) => problem.path)).toEqual(['deliverables[0].type']);
      expect((await get(TENANT_A, 'lead_steady')).contract?.revision).toBe(1);
      expect(await revisions(TENANT_A, 'lead_steady')).toHaveLength(1);
      expect(await get(TENANT_A, 'lead_moved')).toMatchObject({ error: { code: 'CV-004' } });
    });
  });

  describe('delete', () => {
    it('deletes the contract and its revisions; the name can start again at revision 1', async () => {
      await create(TENANT_A, leadReview({ name: 'lead_doomed' }));
      await update(TENANT_A, 'lead_doomed', leadReview({ name: 'lead_doomed', description: 'Still going' }));
      const deleted = await remove(TENANT_A, 'lead_doomed');
      expect([deleted.deleted, deleted.error]).toEqual([true, undefined]);
      expect((await get(TENANT_A, 'lead_doomed')).error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404 }));
      expect(await revisions(TENANT_A, 'lead_doomed')).toEqual([]);

      const again = await remove(TENANT_A, 'lead_doomed');
      expect(again.deleted).toBe(false);
      expect(again.error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404, message: "no contract or template named 'lead_doomed'" }));
      expect((await create(TENANT_A, leadReview({ name: 'lead_doomed', description: 'Reborn' }))).contract?.revision).toBe(1);
      expect(await revisions(TENANT_A, 'lead_doomed')).toEqual([{ revision: 1, version: '1.0.0', description: 'Reborn' }]);
    });

    it('refuses to delete a template with 403 CV-006', async () => {
      const { deleted, error } = await remove(TENANT_A, 'compliance_check');
      expect(deleted).toBe(false);
      expect(error).toEqual(expect.objectContaining({ code: 'CV-006', status: 403 }));
      expect((await get(TENANT_A, 'compliance_check')).contract?.isTemplate).toBe(true);
    });
  });

  describe('templates', () => {
    it('lists the five ACTi templates, read-only at revision 1', async () => {
      const { templates } = await queries.request(Queries.ListTemplates, {}, { tenantId: TENANT_A });
      expect(namesOf(templates)).toEqual(['lead_qualification', 'research_report', 'appointment_booking', 'market_analysis', 'compliance_check']);
      expect(templates.map((template) => [template.revision, template.isTemplate, template.createdAt])).toEqual(TEMPLATE_NAMES.map(() => [1, true, '']));
      expect(wireOf(templates[4])).toEqual(contractToWire(ACTI_TEMPLATES.compliance_check));
    });
  });

  describe('validate', () => {
    const validatingTenant = `contracts-validate-${RUN}`;

    beforeAll(async () => {
      await create(validatingTenant, leadReview());
    });

    afterAll(async () => {
      await dataSource.query(`DELETE FROM contracts.contracts WHERE tenant_id = $1`, [validatingTenant]);
    });

    it('checks JSON against the tenant’s contract by name, naming each wrong field', async () => {
      expect(await validate(validatingTenant, { contractName: 'lead_review', outputJson: '{"score": 80, "recommendation": "Call"}' })).toMatchObject({
        isValid: true,
        errors: [],
        problems: [],
      });
      const wrong = await validate(validatingTenant, { contractName: 'lead_review', outputJson: '{"score": 180, "recommendation": " "}' });
      expect(wrong.error).toBeUndefined();
      expect(wrong.isValid).toBe(false);
      expect(wrong.errors.map(({ field, rule, expected, actual, message }) => ({ field, rule, expected, actual, message }))).toEqual([
        { field: 'score', rule: 'max', expected: 'value <= 100', actual: '180', message: 'score must be <= 100, got 180' },
        { field: 'recommendation', rule: 'not_empty', expected: 'not empty', actual: '" "', message: 'recommendation must not be empty' },
      ]);
    });

    it('checks against a template by name, and raw LLM text when asked', async () => {
      const text = 'Here is the review:\n```json\n{"score": 80}\n```';
      const asText = await validate(validatingTenant, { contractName: 'lead_review', outputJson: text, outputIsText: true });
      expect([asText.isValid, asText.errors.map((error) => error.message)]).toEqual([false, ['recommendation is required but missing']]);
      const asJson = await validate(validatingTenant, { contractName: 'lead_review', outputJson: text });
      expect([asJson.isValid, asJson.errors.map((error) => error.rule)]).toEqual([false, ['json']]);
      const template = await validate(validatingTenant, { contractName: 'lead_qualification', outputJson: '{}' });
      expect(template.errors.map((error) => error.field)).toEqual([
        'budget_score',
        'authority_score',
        'need_score',
        'timeline_score',
        'score',
        'qualification',
        'recommendation',
        'next_steps',
      ]);
    });

    it('checks against an inline contract, and refuses an invalid one with its problems', async () => {
      const inline = JSON.stringify(leadReview({ name: 'inline_review' }));
      expect((await validate(TENANT_B, { contractJson: inline, outputJson: '{"score": 1, "recommendation": "Wait"}' })).isValid).toBe(true);
      const invalid = await validate(TENANT_B, { contractJson: JSON.stringify(leadReview({ deliverables: [] })), outputJson: '{}' });
      expect(invalid.error).toEqual(expect.objectContaining({ code: 'CV-001', status: 400 }));
      expect(invalid.problems).toEqual([expect.objectContaining({ path: 'deliverables', code: 'CV-001', message: 'deliverables must be a list of 1 to 50 deliverables' })]);
    });

    it('needs exactly one of contract_name and contract_json (CV-001), and a known name (CV-004)', async () => {
      const neither = await validate(validatingTenant, { outputJson: '{}' });
      expect(neither.error).toEqual(expect.objectContaining({ code: 'CV-001', status: 400, message: 'give exactly one of contract_name or contract_json' }));
      const both = await validate(validatingTenant, { contractName: 'lead_review', contractJson: JSON.stringify(leadReview()), outputJson: '{}' });
      expect(both.error?.code).toBe('CV-001');
      expect((await validate(validatingTenant, { contractName: 'nobody_here', outputJson: '{}' })).error).toEqual(expect.objectContaining({ code: 'CV-004', status: 404 }));
    });

    it('stores nothing: checking an output is not a run', async () => {
      const stored = await dataSource.query(`SELECT run_id FROM contracts.validations WHERE tenant_id = ANY($1)`, [[validatingTenant, TENANT_B]]);
      expect(stored).toEqual([]);
    });
  });

  describe('prompt context', () => {
    it('builds the contract-aware prompt for the task, with no learning yet', async () => {
      const reply = await queries.request(Queries.GetPromptContext, { name: 'lead_qualification', task: 'Qualify Acme' }, { tenantId: TENANT_A });
      expect(reply).toMatchObject({ commonMistakes: [], exemplars: [], successRate: 0, validations: 0n });
      expect(reply.prompt).toBe(buildContractPrompt({ task: 'Qualify Acme', contract: ACTI_TEMPLATES.lead_qualification }));
    });

    it('puts a placeholder where the task goes when none is given, for a tenant’s own contract too', async () => {
      const reply = await queries.request(Queries.GetPromptContext, { name: 'lead_review' }, { tenantId: TENANT_A });
      expect(reply.error).toBeUndefined();
      expect(reply.prompt.startsWith('TASK: {task}\n\nOUTPUT REQUIREMENTS:\n')).toBe(true);
      expect(reply.prompt).toContain('  score*: int - Overall score from 0-100');
    });

    it('answers 404 CV-004 for an unknown contract', async () => {
      expect((await queries.request(Queries.GetPromptContext, { name: 'nobody_here' }, { tenantId: TENANT_A })).error).toEqual(
        expect.objectContaining({ code: 'CV-004', status: 404 }),
      );
    });
  });

  describe('tenant isolation', () => {
    beforeAll(async () => {
      await create(TENANT_B, leadReview({ description: 'Tenant B scores its own way' }));
      await create(TENANT_B, leadReview({ name: 'b_only', description: 'Only tenant B has me' }));
    });

    it('gets, lists and searches only the caller’s contracts', async () => {
      expect(wireOf((await get(TENANT_A, 'lead_review')).contract).description).toBe('Scores a lead');
      expect(wireOf((await get(TENANT_B, 'lead_review')).contract).description).toBe('Tenant B scores its own way');
      expect((await get(TENANT_A, 'b_only')).error).toEqual(expect.objectContaining({ code: 'CV-004' }));
      expect(namesOf((await list(TENANT_B)).contracts)).toEqual(['b_only', 'lead_review']);
      expect((await list(TENANT_A, { q: 'tenant b' })).total).toBe(0n);
    });

    it('neither updates, deletes, validates with nor builds prompts from another tenant’s contract', async () => {
      expect((await update(TENANT_A, 'b_only', leadReview({ name: 'b_only' }))).error).toEqual(expect.objectContaining({ code: 'CV-004' }));
      expect((await remove(TENANT_A, 'b_only')).error).toEqual(expect.objectContaining({ code: 'CV-004' }));
      expect((await validate(TENANT_A, { contractName: 'b_only', outputJson: '{}' })).error).toEqual(expect.objectContaining({ code: 'CV-004' }));
      expect((await queries.request(Queries.GetPromptContext, { name: 'b_only' }, { tenantId: TENANT_A })).error).toEqual(expect.objectContaining({ code: 'CV-004' }));
      expect((await get(TENANT_B, 'b_only')).contract?.revision).toBe(1);

      expect((await update(TENANT_B, 'lead_review', leadReview({ description: 'B changed its own' }))).contract?.revision).toBe(2);
      expect((await get(TENANT_A, 'lead_review')).contract?.revision).toBe(1);
      expect((await remove(TENANT_B, 'lead_review')).deleted).toBe(true);
      expect(wireOf((await get(TENANT_A, 'lead_review')).contract).description).toBe('Scores a lead');
      expect(await revisions(TENANT_A, 'lead_review')).toHaveLength(1);
    });
  });
});
