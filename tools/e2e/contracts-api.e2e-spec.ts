import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const suffix = Date.now().toString(36);
const TEMPLATE_NAMES = ['lead_qualification', 'research_report', 'appointment_booking', 'market_analysis', 'compliance_check'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DEFAULTS = { constraints: { max_total_tokens: 8000, max_tool_calls: 10, timeout_seconds: 120, warn_threshold: 0.8 }, failure_strategy: 'retry', max_retries: 2 };

type Deliverable = { name: string; required: boolean; type: string };
type Violation = { field: string; message: string; code?: string };

/** A contract as a tenant writes it: defaults left out. */
const leadReview = (description = 'Scores a lead') => ({
  name: 'lead_review',
  description,
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score', validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }] },
    { name: 'recommendation', type: 'str', description: 'Next step', validation_rules: [{ rule: 'enum', value: ['call', 'email', 'drop'] }] },
  ],
});

/** The same contract as the store gives it back: the wire form's field order, defaults filled in. */
const storedLeadReview = (description: string, version: string) => ({
  name: 'lead_review',
  description,
  version,
  deliverables: [
    { name: 'score', description: 'Overall score', required: true, type: 'int', validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }] },
    { name: 'recommendation', description: 'Next step', required: true, type: 'str', validation_rules: [{ rule: 'enum', value: ['call', 'email', 'drop'] }] },
  ],
  ...DEFAULTS,
});

/** A one-deliverable contract whose deliverable is changed by `deliverable`. */
const withDeliverable = (name: string, deliverable: Record<string, unknown>) => ({
  name,
  description: 'Has one deliverable',
  deliverables: [{ name: 'answer', type: 'str', description: 'The answer', ...deliverable }],
});

describe('gateway: contracts, validation and templates', () => {
  let platform: RunningPlatform;
  let api: Api;
  let reader: Api;
  let other: Api;
  const tenantId = `contracts-${suffix}`;

  beforeAll(async () => {
    platform = await startPlatform(E2E_AUTH_ENV);
    api = apiAt(platform.gateway, await bearer(tenantId, 'agents:read agents:write', { tier: 'enterprise' }));
    reader = apiAt(platform.gateway, await bearer(tenantId, 'agents:read', { tier: 'enterprise' }));
    other = apiAt(platform.gateway, await bearer(`contracts-other-${suffix}`, 'agents:read agents:write', { tier: 'enterprise' }));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('templates', () => {
    it('lists the five ACTi templates, read-only at revision 1 without times, and serves each by name', async () => {
      const listing = await reader('GET', '/v7/templates');
      expect(listing.status).toBe(200);
      const templates = listing.body.templates as Record<string, unknown>[];
      expect(templates.map((template) => template.name)).toEqual(TEMPLATE_NAMES);
      for (const template of templates) {
        expect([template.name, template.revision, template.is_template, template.created_at, template.updated_at]).toEqual([template.name, 1, true, null, null]);
        expect([template.name, (template.deliverables as unknown[]).length > 0]).toEqual([template.name, true]);
      }
      const one = await reader('GET', '/v7/templates/research_report');
      expect(one.status).toBe(200);
      expect(one.body).toEqual(templates[1]);
      expect(one.headers.get('cache-control')).toBe('private, max-age=300');
      expect((await reader('GET', '/v7/contracts/research_report')).body).toEqual(templates[1]);
    });

    it('answers 404 CV-004 for a name that is no template', async () => {
      const missing = await reader('GET', '/v7/templates/no_such_template');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(missing.body).toMatchObject({
        type: 'https://sigil.acti.ai/errors/cv-004',
        title: 'ContractNotFoundError',
        status: 404,
        error_code: 'CV-004',
        detail: "Template 'no_such_template' not found",
        instance: '/v7/templates/no_such_template',
      });
      expect((await reader('GET', '/v7/templates/no_such_template/prompt-context')).body).toMatchObject({ status: 404, error_code: 'CV-004', detail: "Template 'no_such_template' not found" });
    });

    it("builds a template's prompt context for a task; a tenant without history has no mistakes, exemplars or success rate", async () => {
      const fresh = apiAt(platform.gateway, await bearer(`contracts-fresh-${suffix}`, 'agents:read', { tier: 'enterprise' }));
      const template = (await fresh('GET', '/v7/templates/lead_qualification')).body;
      const context = await fresh('GET', `/v7/templates/lead_qualification/prompt-context?task=${encodeURIComponent('Qualify Acme Corp')}`);
      expect(context.status).toBe(200);
      expect(Object.keys(context.body).sort()).toEqual(['common_mistakes', 'exemplars', 'prompt', 'success_rate', 'validations']);
      expect(context.body).toMatchObject({ common_mistakes: [], exemplars: [], success_rate: null, validations: 0 });
      const prompt = context.body.prompt as string;
      expect(prompt.startsWith('TASK: Qualify Acme Corp\n\nOUTPUT REQUIREMENTS:\nYour response must be a valid JSON object with the following structure:\n')).toBe(true);
      for (const deliverable of template.deliverables as Deliverable[]) {
        expect(prompt).toContain(`\n  ${deliverable.name}${deliverable.required ? '*' : ''}: ${deliverable.type}`);
      }
      expect(prompt.endsWith('Return ONLY the JSON object, no explanatory text.')).toBe(true);
      const untasked = await fresh('GET', '/v7/templates/lead_qualification/prompt-context');
      expect((untasked.body.prompt as string).startsWith('TASK: {task}\n\n')).toBe(true);
      expect((await fresh('GET', `/v7/templates/lead_qualification/prompt-context?task=${'x'.repeat(10_001)}`)).body).toMatchObject({
        status: 400,
        error_code: 'REQ_001',
        validation_errors: [{ field: 'task', message: 'task must be 1-10000 characters' }],
      });
    });
  });

  describe('contracts', () => {
    it('creates a contract with defaults filled in, reads it back, and keeps every update as a new revision', async () => {
      const created = await api('POST', '/v7/contracts', leadReview());
      expect(created.status).toBe(201);
      const { created_at: createdAt, updated_at: firstUpdate, ...first } = created.body;
      expect(first).toEqual({ ...storedLeadReview('Scores a lead', '1.0.0'), revision: 1, is_template: false });
      expect([createdAt, firstUpdate]).toEqual([expect.stringMatching(ISO_TIME), createdAt]);

      const read = await reader('GET', '/v7/contracts/lead_review');
      expect(read.body).toEqual(created.body);
      expect(read.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);

      const second = await api('PUT', '/v7/contracts/lead_review', leadReview('Scores a lead, v2'));
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ ...storedLeadReview('Scores a lead, v2', '1.1.0'), revision: 2, is_template: false, created_at: createdAt });
      expect(Date.parse(second.body.updated_at as string)).toBeGreaterThan(Date.parse(createdAt as string));

      const third = await api('PUT', '/v7/contracts/lead_review', { ...leadReview('Scores a lead, v3'), version: '3.0.0' });
      expect(third.body).toMatchObject({ description: 'Scores a lead, v3', version: '3.0.0', revision: 3 });
      expect((await reader('GET', '/v7/contracts/lead_review')).body).toEqual(third.body);
    });

    it('refuses a second contract of the same name, and a template name, with 409 CV-005', async () => {
      await api('POST', '/v7/contracts', { ...leadReview(), name: 'taken_name' });
      const again = await api('POST', '/v7/contracts', { ...leadReview(), name: 'taken_name' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        title: 'ContractExistsError',
        error_code: 'CV-005',
        detail: "Contract 'taken_name' already exists (as the tenant's contract or as a template)",
      });
      expect((await api('POST', '/v7/contracts', { ...leadReview(), name: 'lead_qualification' })).body).toMatchObject({ status: 409, error_code: 'CV-005' });
    });

    it('lists the tenant\'s contracts by name with page, per_page and q, without the templates', async () => {
      const lister = apiAt(platform.gateway, await bearer(`contracts-lists-${suffix}`, 'agents:read agents:write', { tier: 'enterprise' }));
      for (const [name, description] of [
        ['sales_brief', 'Summarises a sales call'],
        ['alpha_check', 'Checks a claim'],
        ['sales_score', 'Scores sales leads'],
        ['gamma_notes', 'Notes of 100% sales'],
      ]) {
        expect((await lister('POST', '/v7/contracts', { ...leadReview(description), name })).status).toBe(201);
      }
      const names = (body: Record<string, unknown>) => (body.contracts as { name: string }[]).map((contract) => contract.name);
      const all = await lister('GET', '/v7/contracts');
      expect(names(all.body)).toEqual(['alpha_check', 'gamma_notes', 'sales_brief', 'sales_score']);
      expect(all.body.pagination).toEqual({ page: 1, per_page: 20, total: 4, total_pages: 1 });
      expect((all.body.contracts as Record<string, unknown>[])[0]).toMatchObject({ name: 'alpha_check', description: 'Checks a claim', revision: 1, is_template: false });
      const page = await lister('GET', '/v7/contracts?page=2&per_page=3');
      expect(names(page.body)).toEqual(['sales_score']);
      expect(page.body.pagination).toEqual({ page: 2, per_page: 3, total: 4, total_pages: 2 });
      expect(names((await lister('GET', '/v7/contracts?q=SALES')).body)).toEqual(['gamma_notes', 'sales_brief', 'sales_score']);
      expect(names((await lister('GET', '/v7/contracts?q=100%25')).body)).toEqual(['gamma_notes']);
      expect((await lister('GET', '/v7/contracts?per_page=101')).body.validation_errors).toEqual([{ field: 'per_page', message: 'per_page must not be greater than 100' }]);
    });

    it('deletes a contract with 204, after which it is 404 CV-004 to read, update or delete', async () => {
      await api('POST', '/v7/contracts', { ...leadReview(), name: 'short_lived' });
      const deleted = await api('DELETE', '/v7/contracts/short_lived');
      expect(deleted.status).toBe(204);
      expect(deleted.body).toEqual({});
      const gone = await reader('GET', '/v7/contracts/short_lived');
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ title: 'ContractNotFoundError', error_code: 'CV-004', detail: "Contract 'short_lived' not found", instance: '/v7/contracts/short_lived' });
      expect((await api('PUT', '/v7/contracts/short_lived', { ...leadReview(), name: 'short_lived' })).body).toMatchObject({ status: 404, error_code: 'CV-004' });
      expect((await api('DELETE', '/v7/contracts/short_lived')).body).toMatchObject({ status: 404, error_code: 'CV-004' });
    });

    it('keeps templates read-only: updating or deleting one is 403 CV-006', async () => {
      const template = (await reader('GET', '/v7/templates/lead_qualification')).body;
      const { revision, is_template, created_at, updated_at, ...wire } = template;
      expect([revision, is_template, created_at, updated_at]).toEqual([1, true, null, null]);
      const update = await api('PUT', '/v7/contracts/lead_qualification', { ...wire, description: 'Mine now' });
      expect(update.status).toBe(403);
      expect(update.body).toMatchObject({
        type: 'https://sigil.acti.ai/errors/cv-006',
        title: 'TemplateReadOnlyError',
        error_code: 'CV-006',
        detail: "'lead_qualification' is a template and cannot be modified or deleted",
      });
      expect((await api('DELETE', '/v7/contracts/lead_qualification')).body).toMatchObject({ status: 403, error_code: 'CV-006' });
      expect((await reader('GET', '/v7/templates/lead_qualification')).body).toEqual(template);
    });
  });

  describe('invalid specifications: 400 with each field named', () => {
    const refused = async (body: unknown) => {
      const response = await api('POST', '/v7/contracts', body);
      expect(response.status).toBe(400);
      return response.body;
    };

    it('CV-001 for a bad contract name', async () => {
      expect(await refused({ ...leadReview(), name: 'Lead-Review' })).toMatchObject({
        type: 'https://sigil.acti.ai/errors/cv-001',
        title: 'InvalidContractSpecError',
        error_code: 'CV-001',
        detail: 'Invalid contract specification: 1 problem, see validation_errors',
        validation_errors: [{ field: 'name', message: 'name must match ^[a-z][a-z0-9_]{2,63}$', code: 'CV-001' }],
      });
      expect((await reader('GET', '/v7/contracts/Lead-Review')).status).toBe(404);
    });

    it('CV-002 for an unknown deliverable type', async () => {
      const body = { ...leadReview(), name: 'typed_wrong', deliverables: [leadReview().deliverables[0], { name: 'when', type: 'datetime', description: 'A time' }] };
      expect(await refused(body)).toMatchObject({
        title: 'InvalidDeliverableTypeError',
        error_code: 'CV-002',
        validation_errors: [{ field: 'deliverables[1].type', message: 'type must be one of int, float, str, bool, list, dict', code: 'CV-002' }],
      });
    });

    it('CV-003 for an unknown rule', async () => {
      expect(await refused(withDeliverable('ruled_wrong', { validation_rules: [{ rule: 'regex', value: 'a' }] }))).toMatchObject({
        title: 'InvalidValidationRuleError',
        error_code: 'CV-003',
        validation_errors: [
          { field: 'deliverables[0].validation_rules[0].rule', message: 'rule must be one of min, max, min_length, max_length, pattern, enum, not_empty, items', code: 'CV-003' },
        ],
      });
    });

    it('CV-003 for a pattern that could backtrack catastrophically', async () => {
      const started = Date.now();
      expect(await refused(withDeliverable('redos_pattern', { validation_rules: [{ rule: 'pattern', value: '(a+)+$' }] }))).toMatchObject({
        error_code: 'CV-003',
        validation_errors: [{ field: 'deliverables[0].validation_rules[0].value', message: 'nested quantifiers, as in (a+)+, are not allowed', code: 'CV-003' }],
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('CV-001 listing every problem when they are of several kinds', async () => {
      const body = { name: 'mixed_problems', description: '', deliverables: [{ name: 'x', type: 'datetime', description: 'x' }] };
      const problem = await refused(body);
      expect(problem).toMatchObject({ error_code: 'CV-001', detail: 'Invalid contract specification: 2 problems, see validation_errors' });
      expect((problem.validation_errors as Violation[]).map((violation) => [violation.field, violation.code])).toEqual([
        ['description', 'CV-001'],
        ['deliverables[0].type', 'CV-002'],
      ]);
    });

    it('checks only the envelope in the gateway: a body that is no object, and an update naming another contract', async () => {
      expect(await refused([leadReview()])).toMatchObject({ error_code: 'REQ_001', validation_errors: [{ field: 'body', message: 'a contract must be a JSON object' }] });
      const renamed = await api('PUT', '/v7/contracts/lead_review', { ...leadReview(), name: 'renamed' });
      expect(renamed.body).toMatchObject({ status: 400, error_code: 'REQ_001', validation_errors: [{ field: 'name', message: "name must be 'lead_review', the name in the path" }] });
    });
  });

  describe('validating outputs', () => {
    const validate = (body: unknown) => reader('POST', '/v7/contracts/validate', body);

    beforeAll(async () => {
      await api('POST', '/v7/contracts', { ...leadReview(), name: 'call_review' });
    });

    it('checks an output against a contract by name: valid, then each error exactly', async () => {
      const valid = await validate({ contract_name: 'call_review', output: { score: 75, recommendation: 'call' } });
      expect(valid.status).toBe(200);
      expect(valid.body).toEqual({ is_valid: true, errors: [] });
      const invalid = await validate({ contract_name: 'call_review', output: { score: '75', recommendation: 'fax' } });
      expect(invalid.body).toEqual({
        is_valid: false,
        errors: [
          { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' },
          { field: 'recommendation', rule: 'enum', expected: 'one of [call, email, drop]', actual: '"fax"', message: 'recommendation must be one of [call, email, drop], got "fax"' },
        ],
      });
    });

    it('checks against a template by name', async () => {
      const template = (await reader('GET', '/v7/templates/lead_qualification')).body;
      const required = (template.deliverables as Deliverable[]).filter((deliverable) => deliverable.required);
      expect(required.length).toBeGreaterThan(0);
      const result = await validate({ contract_name: 'lead_qualification', output: {} });
      expect(result.body).toEqual({
        is_valid: false,
        errors: required.map((deliverable) => ({
          field: deliverable.name,
          rule: 'required',
          expected: deliverable.type,
          actual: 'missing',
          message: `${deliverable.name} is required but missing`,
        })),
      });
    });

    it('checks against an inline contract, reading a string output as raw model text', async () => {
      const contract = { ...leadReview(), name: 'inline_review' };
      expect((await validate({ contract, output: 'Here it is: {"score": 80, "recommendation": "email"} Thanks!' })).body).toEqual({ is_valid: true, errors: [] });
      expect((await validate({ contract, output: '{"score": 101, "recommendation": "call"}' })).body).toEqual({
        is_valid: false,
        errors: [{ field: 'score', rule: 'max', expected: 'value <= 100', actual: '101', message: 'score must be <= 100, got 101' }],
      });
      const notJson = await validate({ contract, output: 'I could not decide.' });
      expect(notJson.body).toEqual({
        is_valid: false,
        errors: [{ field: '$', rule: 'json', expected: 'a JSON object', actual: '"I could not decide."', message: 'the response must be a JSON object: no JSON object found in the text' }],
      });
      expect((await validate({ contract, output: [1] })).body).toEqual({
        is_valid: false,
        errors: [{ field: '$', rule: 'type', expected: 'dict', actual: 'list', message: 'the response must be a JSON object (dict), not list' }],
      });
    });

    it('names the inline contract\'s bad fields under contract, and an unknown contract is 404 CV-004', async () => {
      const bad = await validate({ contract: withDeliverable('inline_bad', { type: 'string' }), output: {} });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        error_code: 'CV-002',
        validation_errors: [{ field: 'contract.deliverables[0].type', message: 'type must be one of int, float, str, bool, list, dict', code: 'CV-002' }],
      });
      const unknown = await validate({ contract_name: 'no_such_contract', output: {} });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error_code: 'CV-004', detail: "Contract 'no_such_contract' not found" });
    });

    it('needs exactly one of contract_name and contract, an output, and no other field', async () => {
      const violations = async (body: unknown) => {
        const response = await validate(body);
        expect([response.status, response.body.error_code]).toEqual([400, 'REQ_001']);
        return response.body.validation_errors;
      };
      expect(await violations({ output: {} })).toEqual([{ field: 'contract_name', message: 'send contract_name or an inline contract' }]);
      expect(await violations({ contract_name: 'call_review', contract: leadReview(), output: {} })).toEqual([
        { field: 'contract', message: 'send either contract_name or an inline contract, not both' },
      ]);
      expect(await violations({ contract_name: 'call_review' })).toEqual([{ field: 'output', message: 'output is required: the JSON value, or the raw model text, to check' }]);
      expect(await violations({ contract_name: 'call_review', output: {}, strict: true })).toEqual([{ field: 'strict', message: 'property strict should not exist' }]);
      expect(await violations({ contract: 'call_review', output: {} })).toEqual([{ field: 'contract', message: 'contract must be a JSON object (a contract specification)' }]);
    });
  });

  describe('access', () => {
    it('lets a read-only token read and validate, but not write: 403 AUTH_005 on create, update and delete', async () => {
      await api('POST', '/v7/contracts', { ...leadReview(), name: 'guarded' });
      for (const [method, path, body] of [
        ['POST', '/v7/contracts', { ...leadReview(), name: 'not_mine' }],
        ['PUT', '/v7/contracts/guarded', { ...leadReview('changed'), name: 'guarded' }],
        ['DELETE', '/v7/contracts/guarded', undefined],
      ] as const) {
        const refused = await reader(method, path, body);
        expect([method, refused.status, refused.body.error_code, refused.body.detail]).toEqual([method, 403, 'AUTH_005', 'Missing required scopes: agents:write']);
      }
      expect((await reader('GET', '/v7/contracts/guarded')).body).toMatchObject({ name: 'guarded', description: 'Scores a lead', revision: 1 });
      expect((await reader('GET', '/v7/contracts/not_mine')).status).toBe(404);
      expect((await reader('POST', '/v7/contracts/validate', { contract_name: 'guarded', output: { score: 1, recommendation: 'drop' } })).body).toEqual({ is_valid: true, errors: [] });
      const anonymous = await apiAt(platform.gateway, {})('GET', '/v7/templates');
      expect([anonymous.status, anonymous.body.error_code]).toEqual([401, 'AUTH_001']);
    });

    it("keeps tenants apart: another tenant cannot see, list, update, delete or validate against a tenant's contract", async () => {
      await api('POST', '/v7/contracts', { ...leadReview(), name: 'private_one' });
      expect((await other('GET', '/v7/contracts/private_one')).body).toMatchObject({ status: 404, error_code: 'CV-004', detail: "Contract 'private_one' not found" });
      expect((await other('DELETE', '/v7/contracts/private_one')).body).toMatchObject({ status: 404, error_code: 'CV-004' });
      expect((await other('PUT', '/v7/contracts/private_one', { ...leadReview('hijacked'), name: 'private_one' })).body).toMatchObject({ status: 404, error_code: 'CV-004' });
      expect((await other('POST', '/v7/contracts/validate', { contract_name: 'private_one', output: {} })).body).toMatchObject({ status: 404, error_code: 'CV-004' });
      expect((await other('GET', '/v7/contracts?q=private')).body.pagination).toEqual({ page: 1, per_page: 20, total: 0, total_pages: 0 });
      expect((await api('GET', '/v7/contracts/private_one')).body).toMatchObject({ name: 'private_one', description: 'Scores a lead', revision: 1 });
      // Names are per tenant: the other tenant may have a contract of the same name.
      expect((await other('POST', '/v7/contracts', { ...leadReview('theirs'), name: 'private_one' })).status).toBe(201);
      expect((await api('GET', '/v7/contracts/private_one')).body).toMatchObject({ description: 'Scores a lead' });
    });
  });
});
