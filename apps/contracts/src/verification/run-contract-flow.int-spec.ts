import { fromBinary, type MessageInitShape } from '@bufbuild/protobuf';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Events, Queries } from '@sigil/catalog';
import { ACTI_TEMPLATES, buildContractPrompt, buildRetryPrompt, validateText, type ValidationError } from '@sigil/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectToNats, durableNameFor, EventPublisher, Header, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import {
  type ContractSelected,
  ContractSelectedSchema,
  type OutputValidated,
  OutputValidatedSchema,
  type RouteDecidedSchema,
} from '@sigil/schemas';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { eventually, testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { contractsService } from '../contracts.service';

const RUN = randomUUID().slice(0, 8);
/** Selection only: no validations, so no learning. */
const SELECTING = `flow-select-${RUN}`;
/** Validations of lead_qualification, and what is learnt from them. */
const LEARNING = `flow-learn-${RUN}`;
/** Everything else; owns the contract lead_review. */
const FLOWS = `flow-runs-${RUN}`;

const TASK = 'Qualify the lead Acme Corp';
const SESSION = `session-${RUN}`;

/** A lead_qualification output that passes. */
const LEAD_VALID = {
  budget_score: 20,
  authority_score: 15,
  need_score: 25,
  timeline_score: 15,
  score: 75,
  qualification: 'warm',
  recommendation: 'Schedule demo',
  next_steps: ['Send pricing'],
};
/** The score as text and no recommendation. */
const LEAD_WRONG = { budget_score: 20, authority_score: 15, need_score: 25, timeline_score: 15, score: 'high', qualification: 'warm', next_steps: ['Send pricing'] };
const LEAD_WRONG_ERRORS: ValidationError[] = [
  { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' },
  { field: 'recommendation', rule: 'required', expected: 'str', actual: 'missing', message: 'recommendation is required but missing' },
];
const LEAD_REQUIRED = ['budget_score', 'authority_score', 'need_score', 'timeline_score', 'score', 'qualification', 'recommendation', 'next_steps'];

const LEAD_REVIEW = {
  name: 'lead_review',
  description: 'Scores a lead',
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score from 0-100', validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 75 },
    { name: 'recommendation', type: 'str', description: 'Recommended action', validation_rules: [{ rule: 'not_empty' }] },
  ],
  failure_strategy: 'escalate',
  max_retries: 0,
};

/** What POST /v7/contracts/execute adds to a run request, and the router copies into its route. */
type ExecuteOverrides = { contractName?: string; contractJson?: string; forceStrategy?: string };
type Route = Pick<MessageInitShape<typeof RouteDecidedSchema>, 'intent' | 'stratum' | 'complexity' | 'useContracts' | 'strategy'>;
const RAI_AGENT_RUN: Route = { intent: 'run_agent', stratum: 'RAI', complexity: 0.75, useContracts: true, strategy: 'react' };
const CHAT: Route = { intent: 'general_chat', stratum: 'RTI', complexity: 0.2, useContracts: false, strategy: 'direct' };
/** Contracts on, but an intent that needs none: selection answers "none". */
const AGENT_CREATION: Route = { intent: 'create_agent', stratum: 'RTI', complexity: 0.75, useContracts: true, strategy: 'react' };

const errorsOf = (verdict: OutputValidated) => verdict.errors.map(({ field, rule, expected, actual, message }) => ({ field, rule, expected, actual, message }));

describe('run contracts on the bus: selection on RouteDecided, verification on ValidationRequested', () => {
  let service: StartedService;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let queries: QueryClient;
  const subscriptions: Subscription[] = [];
  /** What the service announced, by tenant and run. */
  const selections = new Map<string, ContractSelected[]>();
  const verdicts = new Map<string, OutputValidated[]>();

  const runId = (name: string) => `run-${RUN}-${name}`;

  const collect = <T extends { runId: string }>(subject: string, decode: (data: Uint8Array) => T, into: Map<string, T[]>) => {
    const subscription = nc.subscribe(subject, {
      callback: (error, message) => {
        if (error) return;
        const payload = decode(message.data);
        const key = `${message.headers?.get(Header.tenantId)}/${payload.runId}`;
        into.set(key, [...(into.get(key) ?? []), payload]);
      },
    });
    subscriptions.push(subscription);
  };

  /** Publishes the run's route as the router would, with what the run request asked of its contract. */
  const route = (tenantId: string, run: string, facts: Route, overrides: ExecuteOverrides = {}, id?: string) =>
    publisher.publish(Events.RouteDecided, { runId: run, sessionId: SESSION, ...facts, ...overrides }, { tenantId, sessionId: SESSION, runId: run, id });
  const requestValidation = (tenantId: string, run: string, attempt: number, output: string, totalTokens = 500) =>
    publisher.publish(
      Events.ValidationRequested,
      { runId: run, sessionId: SESSION, output, attempt, task: TASK, tokensUsed: { totalTokens: BigInt(totalTokens) } },
      { tenantId, sessionId: SESSION, runId: run },
    );

  const selectedFor = (tenantId: string, run: string) =>
    eventually(() => {
      const [selected] = selections.get(`${tenantId}/${run}`) ?? [];
      if (!selected) throw new Error(`no ContractSelected for ${run} yet`);
      return selected;
    });
  const verdictOn = (tenantId: string, run: string, attempt: number) =>
    eventually(() => {
      const verdict = (verdicts.get(`${tenantId}/${run}`) ?? []).find((candidate) => candidate.attempt === attempt);
      if (!verdict) throw new Error(`no OutputValidated for ${run} attempt ${attempt} yet`);
      return verdict;
    });
  const storedValidations = (tenantId: string, run: string) =>
    dataSource.query<{ attempt: number; contract_name: string | null; inline_contract: boolean; is_valid: boolean; errors: unknown[]; output: unknown }[]>(
      `SELECT attempt, contract_name, inline_contract, is_valid, errors, output FROM contracts.validations WHERE tenant_id = $1 AND run_id = $2 ORDER BY attempt`,
      [tenantId, run],
    );
  const promptContext = (tenantId: string, name: string) => queries.request(Queries.GetPromptContext, { name, task: TASK }, { tenantId });

  /** Routes a run, and waits for its selection. */
  const selectFor = async (tenantId: string, run: string, facts: Route, overrides: ExecuteOverrides = {}) => {
    await route(tenantId, run, facts, overrides);
    return selectedFor(tenantId, run);
  };

  /** Every route published so far has been handled and acknowledged by the service's consumer. */
  const routesHandled = () =>
    eventually(async () => {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.consumers.info(Events.RouteDecided.stream, durableNameFor(contractsService.name, Events.RouteDecided.subject));
      if (info.num_pending > 0 || info.num_ack_pending > 0) throw new Error('routes still being handled');
      await nc.flush();
    });
  const storedSelection = async (tenantId: string, run: string) =>
    (await dataSource.query<{ contract_name: string | null; selected_by: string | null }[]>(`SELECT contract_name, selected_by FROM contracts.run_contracts WHERE tenant_id = $1 AND run_id = $2`, [tenantId, run]))[0];

  beforeAll(async () => {
    const infrastructure = testInfrastructure();
    await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: contractsService.schema, migrations: serviceMigrations(contractsService) });
    process.env.SIGIL_LOG_LEVEL = 'error';
    service = await bootService(contractsService, { ...settingsFromEnv(contractsService.name, 0), ...infrastructure, httpPort: 0 });
    dataSource = service.app.get(DataSource);
    nc = await connectToNats(infrastructure.natsUrl, 'run-contract-flow-test');
    publisher = new EventPublisher(nc, 'run-contract-flow-test');
    queries = new QueryClient(nc, 'run-contract-flow-test');
    collect(Events.ContractSelected.subject, (data) => fromBinary(ContractSelectedSchema, data), selections);
    collect(Events.OutputValidated.subject, (data) => fromBinary(OutputValidatedSchema, data), verdicts);
    await nc.flush();
    const created = await queries.request(Queries.CreateContract, { contractJson: JSON.stringify(LEAD_REVIEW) }, { tenantId: FLOWS });
    expect(created.error).toBeUndefined();
  }, 60_000);

  afterAll(async () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    const tenants = [SELECTING, LEARNING, FLOWS];
    for (const table of ['contracts', 'run_contracts', 'validations']) {
      await dataSource?.query(`DELETE FROM contracts.${table} WHERE tenant_id = ANY($1)`, [tenants]);
    }
    await nc?.drain();
    await service?.app.close();
  });

  describe('selection', () => {
    it('selects the stratum’s template for a routed agent run, boosts its reasoning, and gives the prompt’s contract part', async () => {
      const run = runId('routed');
      const selected = await selectFor(SELECTING, run, RAI_AGENT_RUN);
      expect(selected).toMatchObject({
        runId: run,
        sessionId: SESSION,
        contractName: 'lead_qualification',
        failureStrategy: 'retry',
        maxRetries: 2,
        requiredFields: LEAD_REQUIRED,
        boostedComplexity: 0.95,
        strategy: 'mcts',
        tokenBudget: 4_000n,
        reason:
          'intent run_agent, stratum RAI → lead_qualification; complexity 0.75: retry, 2 retries, 4000 tokens; reasoning at 0.95 (9 deliverables (> 5): +0.1, 18 validation rules (> 10): +0.1): mcts',
      });
      // The planner's first prompt is `TASK: {input}\n\n` + the context: exactly the contract-aware prompt.
      expect(`TASK: ${TASK}\n\n${selected.promptContext}`).toBe(buildContractPrompt({ task: TASK, contract: ACTI_TEMPLATES.lead_qualification }));
      expect(selections.get(`${SELECTING}/${run}`)).toHaveLength(1);
    });

    it('selects nothing for low-complexity chat, whose route switches contracts off: no announcement, no stored selection', async () => {
      const run = runId('chat');
      await route(SELECTING, run, CHAT);
      await routesHandled();

      expect(selections.get(`${SELECTING}/${run}`)).toBeUndefined();
      expect(await storedSelection(SELECTING, run)).toBeUndefined();
    });

    it('selects no contract for a route with contracts on whose intent needs none, keeping the route’s strategy', async () => {
      const selected = await selectFor(SELECTING, runId('agent-creation'), AGENT_CREATION);
      expect(selected).toMatchObject({
        contractName: '',
        failureStrategy: 'fail',
        maxRetries: 0,
        requiredFields: [],
        promptContext: '',
        boostedComplexity: 0.75,
        strategy: 'react',
        tokenBudget: 0n,
        reason: 'intent create_agent needs no contract',
      });
    });

    it('keeps the first selection when the run is routed again: a contract, then none', async () => {
      const run = runId('routed-twice');
      await selectFor(SELECTING, run, RAI_AGENT_RUN);
      await route(SELECTING, run, AGENT_CREATION, {}, `again-${run}`);
      await routesHandled();

      expect(selections.get(`${SELECTING}/${run}`)?.map((selected) => selected.contractName)).toEqual(['lead_qualification']);
      expect((await storedSelection(SELECTING, run))?.contract_name).toBe('lead_qualification');
    });

    it('keeps the first selection when the run is routed again: none, then a contract', async () => {
      const run = runId('none-then-contract');
      const first = `first-${run}`;
      await route(SELECTING, run, AGENT_CREATION, {}, first);
      expect(await selectedFor(SELECTING, run)).toMatchObject({ contractName: '', reason: 'intent create_agent needs no contract' });
      await route(SELECTING, run, RAI_AGENT_RUN, {}, `again-${run}`);
      await routesHandled();

      expect(selections.get(`${SELECTING}/${run}`)?.map((selected) => selected.contractName)).toEqual(['']);
      expect(await storedSelection(SELECTING, run)).toEqual({ contract_name: null, selected_by: first });
    });

    it('announces a stored selection again for a redelivery of the route that made it, and not for another route', async () => {
      // As if a first delivery had stored the selection and stopped before announcing it.
      const stored = (run: string, selectedBy: string) =>
        dataSource.query(
          `INSERT INTO contracts.run_contracts (tenant_id, run_id, contract_name, failure_strategy, max_retries, required_fields, complexity, selected_by)
           VALUES ($1, $2, NULL, 'fail', 0, '[]', 0.75, $3)`,
          [SELECTING, run, selectedBy],
        );
      const redelivered = runId('redelivered');
      await stored(redelivered, `route-${redelivered}`);
      await route(SELECTING, redelivered, AGENT_CREATION, {}, `route-${redelivered}`);
      expect(await selectedFor(SELECTING, redelivered)).toMatchObject({ contractName: '', failureStrategy: 'fail' });

      const other = runId('other-route');
      await stored(other, `route-${other}`);
      await route(SELECTING, other, AGENT_CREATION, {}, `another-${other}`);
      await routesHandled();
      expect(selections.get(`${SELECTING}/${other}`)).toBeUndefined();
    });
  });

  describe('verification', () => {
    it('retries an invalid attempt with a prompt restating the task and requirements and quoting the errors, then accepts clean JSON', async () => {
      const run = runId('retry');
      await selectFor(LEARNING, run, RAI_AGENT_RUN);
      await requestValidation(LEARNING, run, 1, JSON.stringify(LEAD_WRONG));
      const retry = await verdictOn(LEARNING, run, 1);
      expect(retry).toMatchObject({ runId: run, sessionId: SESSION, isValid: false, decision: 'retry', attempt: 1, output: '', missingFields: [] });
      expect(errorsOf(retry)).toEqual(LEAD_WRONG_ERRORS);
      expect(retry.refinedPrompt).toBe(buildRetryPrompt({ task: TASK, contract: ACTI_TEMPLATES.lead_qualification }, { attempt: 1, errors: LEAD_WRONG_ERRORS }));
      expect(retry.refinedPrompt.startsWith(`TASK: ${TASK}\n\nOUTPUT REQUIREMENTS:`)).toBe(true);
      expect(retry.refinedPrompt).toContain('YOUR PREVIOUS RESPONSE (attempt 1) WAS REJECTED:\n- score must be int, not str\n- recommendation is required but missing');

      await requestValidation(LEARNING, run, 2, `Here it is:\n\`\`\`json\n${JSON.stringify(LEAD_VALID, null, 2)}\n\`\`\``, 1_000);
      const success = await verdictOn(LEARNING, run, 2);
      expect(success).toMatchObject({ isValid: true, errors: [], decision: 'success', attempt: 2, refinedPrompt: '', output: JSON.stringify(LEAD_VALID) });

      expect(await storedValidations(LEARNING, run)).toEqual([
        { attempt: 1, contract_name: 'lead_qualification', inline_contract: false, is_valid: false, errors: LEAD_WRONG_ERRORS, output: null },
        { attempt: 2, contract_name: 'lead_qualification', inline_contract: false, is_valid: true, errors: [], output: LEAD_VALID },
      ]);
    });

    it('learns from the tenant’s validations: prompt_context and the next selection warn of the mistakes and show the exemplar', async () => {
      const context = await promptContext(LEARNING, 'lead_qualification');
      const commonMistakes = ['Type error: score must be int, not str', 'Missing field: recommendation'];
      expect(context).toMatchObject({ commonMistakes, exemplars: [JSON.stringify(LEAD_VALID)], successRate: 0.5, validations: 2n });
      const learnt = buildContractPrompt({ task: TASK, contract: ACTI_TEMPLATES.lead_qualification, commonMistakes, exemplars: [LEAD_VALID] });
      expect(context.prompt).toBe(learnt);
      expect(context.prompt).toContain('COMMON MISTAKES TO AVOID:\n- Type error: score must be int, not str\n- Missing field: recommendation');

      const next = await selectFor(LEARNING, runId('after-learning'), RAI_AGENT_RUN);
      expect(`TASK: ${TASK}\n\n${next.promptContext}`).toBe(learnt);

      // Another tenant's history teaches nothing here.
      expect(await promptContext(SELECTING, 'lead_qualification')).toMatchObject({ commonMistakes: [], exemplars: [], successRate: 0, validations: 0n });
    });

    it('falls back when the retries are used up, filling the gaps from the examples', async () => {
      const run = runId('fallback');
      // Below 0.7 the strategy is fallback; below 0.6 one retry less.
      const selected = await selectFor(FLOWS, run, { ...RAI_AGENT_RUN, complexity: 0.55 });
      expect(selected).toMatchObject({ contractName: 'lead_qualification', failureStrategy: 'fallback', maxRetries: 1, boostedComplexity: 0.75, strategy: 'react' });
      await requestValidation(FLOWS, run, 2, JSON.stringify(LEAD_WRONG), 1_000);
      const verdict = await verdictOn(FLOWS, run, 2);
      expect(verdict).toMatchObject({ isValid: false, decision: 'fallback', refinedPrompt: '', missingFields: [] });
      expect(errorsOf(verdict)).toEqual(LEAD_WRONG_ERRORS);
      // The valid fields as given, in contract order, then the gaps filled from the template's examples.
      expect(verdict.output).toBe(
        JSON.stringify({ budget_score: 20, authority_score: 15, need_score: 25, timeline_score: 15, qualification: 'warm', next_steps: ['Send pricing'], score: 75, recommendation: 'Schedule demo' }),
      );
    });

    it('fails a strict run (complexity 0.9 and up) at once with the errors', async () => {
      const run = runId('fail');
      const selected = await selectFor(FLOWS, run, { intent: 'run_agent', stratum: 'IGE', complexity: 0.95, useContracts: true, strategy: 'mcts' });
      expect(selected).toMatchObject({ contractName: 'compliance_check', failureStrategy: 'fail', maxRetries: 0, tokenBudget: 9_000n });
      const output = '{"compliant": "yes", "risk_level": "medium"}';
      await requestValidation(FLOWS, run, 1, output);
      const verdict = await verdictOn(FLOWS, run, 1);
      expect(verdict).toMatchObject({ isValid: false, decision: 'fail', refinedPrompt: '', output: '' });
      expect(errorsOf(verdict)[0]).toEqual({ field: 'compliant', rule: 'type', expected: 'bool', actual: 'str', message: 'compliant must be bool, not str' });
      expect(errorsOf(verdict)).toEqual(validateText(output, ACTI_TEMPLATES.compliance_check).errors);
    });

    it('waits for the selection when validation is asked first', async () => {
      const run = runId('validation-first');
      await requestValidation(FLOWS, run, 1, 'Hello there');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(verdicts.get(`${FLOWS}/${run}`)).toBeUndefined();
      await route(FLOWS, run, AGENT_CREATION);
      expect(await verdictOn(FLOWS, run, 1)).toMatchObject({ isValid: true, decision: 'success', output: '' });
    });

    it('accepts any text without a contract, and fails an empty answer', async () => {
      const run = runId('uncontracted');
      await selectFor(FLOWS, run, AGENT_CREATION);
      await requestValidation(FLOWS, run, 1, 'Hello there');
      expect(await verdictOn(FLOWS, run, 1)).toMatchObject({ isValid: true, errors: [], decision: 'success', output: '' });
      await requestValidation(FLOWS, run, 2, ' ');
      const empty = await verdictOn(FLOWS, run, 2);
      expect([empty.isValid, empty.decision, errorsOf(empty)]).toEqual([
        false,
        'fail',
        [{ field: '$', rule: 'not_empty', expected: 'not empty', actual: '" "', message: 'the response must not be empty' }],
      ]);
      expect((await storedValidations(FLOWS, run)).map((row) => [row.attempt, row.contract_name, row.is_valid])).toEqual([
        [1, null, true],
        [2, null, false],
      ]);
    });
  });

  describe('execute overrides (carried by the route)', () => {
    it('holds a low-complexity run to the tenant’s contract by name, and validates against the snapshot even after the contract changes', async () => {
      const run = runId('named');
      const selected = await selectFor(FLOWS, run, CHAT, { contractName: 'lead_review' });
      expect(selected).toMatchObject({
        contractName: 'lead_review',
        failureStrategy: 'escalate',
        maxRetries: 0,
        requiredFields: ['score', 'recommendation'],
        boostedComplexity: 0.2,
        strategy: 'direct',
        tokenBudget: 8_000n,
        reason: 'execute override: contract lead_review: escalate, 0 retries, 8000 tokens',
      });
      const changed = { ...LEAD_REVIEW, failure_strategy: 'fail', deliverables: [...LEAD_REVIEW.deliverables, { name: 'owner', type: 'str', description: 'Account owner' }] };
      expect((await queries.request(Queries.UpdateContract, { name: 'lead_review', contractJson: JSON.stringify(changed) }, { tenantId: FLOWS })).contract?.revision).toBe(2);

      await requestValidation(FLOWS, run, 1, '{"score": 150}');
      const verdict = await verdictOn(FLOWS, run, 1);
      expect(verdict).toMatchObject({ isValid: false, decision: 'escalate', output: '', refinedPrompt: '' });
      expect(errorsOf(verdict)).toEqual([
        { field: 'score', rule: 'max', expected: 'value <= 100', actual: '150', message: 'score must be <= 100, got 150' },
        { field: 'recommendation', rule: 'required', expected: 'str', actual: 'missing', message: 'recommendation is required but missing' },
      ]);
    });

    it('holds a run to an inline contract with force_strategy partial, keeping the valid fields, and learns nothing from it', async () => {
      const run = runId('inline');
      // Named like the tenant's stored lead_review but shaped differently: its validations must not teach lead_review.
      const inline = { ...LEAD_REVIEW, failure_strategy: 'retry', deliverables: [...LEAD_REVIEW.deliverables, { name: 'analysis', type: 'str', description: 'Analysis', required: false }] };
      const selected = await selectFor(FLOWS, run, CHAT, { contractJson: JSON.stringify(inline), forceStrategy: 'partial' });
      expect(selected).toMatchObject({
        contractName: 'lead_review',
        failureStrategy: 'partial',
        maxRetries: 0,
        requiredFields: ['score', 'recommendation'],
        reason: 'execute override: inline contract lead_review: retry, 0 retries, 8000 tokens; failure strategy forced to partial, 0 retries',
      });
      expect(selected.promptContext).toContain('  analysis: str - Analysis');
      await requestValidation(FLOWS, run, 1, '{"score": 50, "analysis": 7}');
      const verdict = await verdictOn(FLOWS, run, 1);
      expect(verdict).toMatchObject({ isValid: false, decision: 'partial', output: '{"score":50}', missingFields: ['recommendation'] });
      expect(verdict.errors.map((error) => error.message)).toEqual(['recommendation is required but missing', 'analysis must be str, not int']);
      expect((await storedValidations(FLOWS, run)).map((row) => [row.contract_name, row.inline_contract])).toEqual([['lead_review', true]]);
      const learnt = await promptContext(FLOWS, 'lead_review');
      expect([learnt.validations, learnt.commonMistakes]).toEqual([1n, ['Rule violation: score must satisfy value <= 100', 'Missing field: recommendation']]);
    });

    it('fails the run with CV-004 when the named contract is not the tenant’s, however simple the run', async () => {
      const run = runId('other-tenants');
      // lead_review is FLOWS' contract, not SELECTING's.
      const selected = await selectFor(SELECTING, run, CHAT, { contractName: 'lead_review' });
      const notFound = "CV-004 Contract not found: no contract or template named 'lead_review'";
      expect(selected).toMatchObject({
        contractName: 'lead_review',
        failureStrategy: 'fail',
        maxRetries: 0,
        promptContext: '',
        reason: `execute override refused (${notFound}): the run fails at validation`,
      });
      await requestValidation(SELECTING, run, 1, 'Hello there');
      const verdict = await verdictOn(SELECTING, run, 1);
      expect([verdict.isValid, verdict.decision, errorsOf(verdict)]).toEqual([
        false,
        'fail',
        [{ field: 'contract_name', rule: 'CV-004', expected: 'a contract or template of the tenant', actual: 'lead_review', message: notFound }],
      ]);
      expect(await storedValidations(SELECTING, run)).toEqual([]);
    });

    it('fails the run with CV-001 when the inline contract is not JSON', async () => {
      const run = runId('bad-inline');
      expect(await selectFor(FLOWS, run, RAI_AGENT_RUN, { contractJson: '{"name": "x"' })).toMatchObject({ contractName: '', failureStrategy: 'fail' });
      await requestValidation(FLOWS, run, 1, JSON.stringify(LEAD_VALID));
      const verdict = await verdictOn(FLOWS, run, 1);
      expect([verdict.decision, verdict.errors.map((error) => [error.field, error.rule])]).toEqual(['fail', [['contract_json', 'CV-001']]]);
      expect(verdict.errors[0].message).toMatch(/^CV-001 Invalid contract specification: the contract is not JSON: /);
    });
  });
});
