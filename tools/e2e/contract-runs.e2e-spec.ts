import { ALL_SCOPES } from '@sigil/local-stack';
import { eventually } from '@sigil/testing';
import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const TENANT = `contract-runs-${Date.now().toString(36)}`;

/** A decision whose `verdict` has no example: the offline model leaves it out until a retry names it. */
const decisionContract = (verdictRules: unknown[], failureStrategy = 'retry') => ({
  name: 'go_decision',
  description: 'A go/no-go decision with a confidence score',
  deliverables: [
    { name: 'score', type: 'int', description: 'Confidence 0-100', required: true, validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 70 },
    { name: 'verdict', type: 'str', description: 'go or no-go', required: true, validation_rules: verdictRules },
  ],
  failure_strategy: failureStrategy,
  max_retries: 2,
});
const GO_OR_NO_GO = [{ rule: 'enum', value: ['go', 'no-go'] }];

interface SessionEvent {
  type: string;
  payload: Record<string, unknown>;
}

describe('contracts in the run: selection, verification and every failure strategy, end to end', () => {
  let platform: RunningPlatform;
  let api: Api;
  const execute = (body: Record<string, unknown>) => api('POST', '/v7/contracts/execute', { agent_id: 'decider', task: 'Decide whether to enter the Nordic market', ...body });
  const sessionEvents = async (sessionId: string) => ((await api('GET', `/v7/sessions/${sessionId}/events?per_page=100`)).body.events as SessionEvent[]) ?? [];

  beforeAll(async () => {
    platform = await startPlatform(E2E_AUTH_ENV);
    api = apiAt(platform.gateway, await bearer(TENANT, ALL_SCOPES, { tier: 'enterprise' }));
    expect((await api('POST', '/v7/agents', { name: 'decider', stratum: 'EEI', description: 'makes market decisions' })).status).toBe(201);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('passes a template contract on the first attempt and answers the parsed JSON', async () => {
    const template = (await api('GET', '/v7/templates/market_analysis')).body as { deliverables: { name: string; example?: unknown }[] };
    const result = await execute({ contract_name: 'market_analysis' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'completed', is_valid: true, attempts: 1, applied_strategy: 'success', metadata: { contract: 'market_analysis', retries_performed: 0 } });
    expect(Object.keys(result.body.output as object).sort()).toEqual(template.deliverables.filter((deliverable) => deliverable.example !== undefined).map((deliverable) => deliverable.name).sort());
  });

  it("holds a complex run to its stratum's template: the route calls for contracts and the output is checked against it", async () => {
    const input = [
      'Search the database, fetch the competitor pricing API and query the CRM for the pipeline.',
      'Analyze market revenue, compliance risk, investment budget and regulation for the Nordic region.',
      'Compare, evaluate and recommend the best options, weigh the trade-offs and justify which one we should choose.',
    ]
      .join(' ')
      .padEnd(520, ' Include every assumption.');
    const sessionId = `routed-${Date.now().toString(36)}`;
    const run = await api('POST', '/v7/agents/decider/run', { input, session_id: sessionId });
    expect(run.body).toMatchObject({ status: 'completed', metadata: { contract: 'market_analysis', applied_strategy: 'success', attempts: 1 } });
    expect(typeof JSON.parse(String(run.body.response))).toBe('object');
    const events = await eventually(async () => {
      const found = await sessionEvents(sessionId);
      expect(found.some((event) => event.type === 'sigil.contracts.v1.validated')).toBe(true);
      return found;
    });
    const route = events.find((event) => event.type === 'sigil.routing.v1.decided')?.payload;
    expect(route).toMatchObject({ useContracts: true, stratum: 'EEI', strategy: 'mcts' });
    expect(events.find((event) => event.type === 'sigil.contracts.v1.selected')?.payload).toMatchObject({ contractName: 'market_analysis' });
  });

  it('retries with a prompt refined from the errors, visible as events, and counts the tokens of every attempt', async () => {
    const sessionId = `retry-${Date.now().toString(36)}`;
    const result = await execute({ contract_spec: decisionContract([]), session_id: sessionId });
    expect(result.body).toMatchObject({ status: 'completed', is_valid: true, attempts: 2, applied_strategy: 'retry', output: { score: 70, verdict: 'unknown' } });
    const events = await eventually(async () => {
      const found = await sessionEvents(sessionId);
      expect(found.filter((event) => event.type === 'sigil.reasoning.v1.step_completed')).toHaveLength(2);
      return found;
    });
    const retry = events.find((event) => event.type === 'sigil.contracts.v1.validated' && event.payload.decision === 'retry');
    expect(retry?.payload.refinedPrompt).toContain('verdict is required');
    expect(retry?.payload.refinedPrompt).toContain('TASK: Decide whether to enter the Nordic market');
    const secondStep = events.filter((event) => event.type === 'sigil.reasoning.v1.step_requested')[1];
    // The retry's requirements and what was wrong go to the model as the contract part of the system text; the task stays fenced data.
    const requirements = String(retry?.payload.refinedPrompt).replace('TASK: Decide whether to enter the Nordic market', '').trim();
    expect(secondStep.payload.systemPrompt).toContain(requirements);
    expect(secondStep.payload.prompt).toContain('<untrusted_data source="user">\nDecide whether to enter the Nordic market\n</untrusted_data>');
    const spent = events
      .filter((event) => event.type === 'sigil.reasoning.v1.step_completed')
      .reduce((sum, event) => sum + Number((event.payload.tokensUsed as { totalTokens: string }).totalTokens), 0);
    expect(result.body.tokens_used).toBe(spent);
  });

  it('falls back once retries are spent: the output is filled and says fallback produced it', async () => {
    const result = await execute({ contract_spec: decisionContract(GO_OR_NO_GO) });
    expect(result.body).toMatchObject({ status: 'completed', is_valid: false, attempts: 3, applied_strategy: 'fallback', output: { score: 70, verdict: 'go' } });
    expect((result.body.validation_result as { errors: string[] }).errors.join(' ')).toContain('verdict');
  });

  it.each([
    ['partial', { score: 70 }],
    ['template', { score: 70, verdict: 'go' }],
  ])('applies a forced %s strategy after the retries', async (strategy, output) => {
    const result = await execute({ contract_spec: decisionContract(GO_OR_NO_GO), force_strategy: strategy });
    expect(result.body).toMatchObject({ status: 'completed', applied_strategy: strategy, output });
  });

  it('fails with CV-008 under the fail strategy, naming the broken field', async () => {
    const result = await execute({ contract_spec: decisionContract(GO_OR_NO_GO, 'fail') });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ error_code: 'CV-008', title: 'ContractViolationError' });
    expect(String(result.body.detail)).toContain('verdict');
  });

  it('parks an escalated run for review; an approval completes it with the corrected output, a rejection fails it', async () => {
    const escalated = await execute({ contract_spec: decisionContract(GO_OR_NO_GO), force_strategy: 'escalate' });
    expect(escalated.status).toBe(202);
    expect(escalated.body).toMatchObject({ status: 'escalated', applied_strategy: 'escalate', output: null });
    const runId = String(escalated.body.run_id);
    expect((await api('GET', `/v7/operations/${runId}`)).body).toMatchObject({ status: 'awaiting_review', done: false });

    const approved = await api('POST', `/v7/runs/${runId}/review`, { decision: 'approve', output: { score: 55, verdict: 'no-go' }, note: 'checked by hand' });
    expect(approved.status).toBe(202);
    const done = await eventually(async () => {
      const run = (await api('GET', `/v7/runs/${runId}`)).body;
      expect(run.status).toBe('completed');
      return run;
    });
    expect(done).toMatchObject({ response: '{"score":55,"verdict":"no-go"}', metadata: { applied_strategy: 'escalate' } });
    expect((await api('POST', `/v7/runs/${runId}/review`, { decision: 'reject' })).body).toMatchObject({ status: 409, error_code: 'RUN_003' });

    const another = await execute({ contract_spec: decisionContract(GO_OR_NO_GO), force_strategy: 'escalate' });
    await api('POST', `/v7/runs/${String(another.body.run_id)}/review`, { decision: 'reject', note: 'wrong market' });
    await eventually(async () => expect((await api('GET', `/v7/runs/${String(another.body.run_id)}`)).body).toMatchObject({ status: 'failed', error: { error_code: 'CV-007', message: 'rejected in review: wrong market' } }));
  });

  it('refuses an execution naming no contract or an unknown one', async () => {
    expect((await execute({})).body).toMatchObject({ status: 400, error_code: 'REQ_001' });
    expect((await execute({ contract_name: 'no_such_contract' })).body).toMatchObject({ status: 404, error_code: 'CV-004' });
  });
});
