import { Injectable } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import { EventPublisher } from '@sigil/messaging';
import type { Agent } from '@sigil/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AgentsClient } from '../agents/agents.client';
import { principalOf } from '../auth/principal';
import { TokenBudget } from '../budget/token-budget';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { tokenReadingOf } from '../rate-limits/starts-runs';
import { runDefaultsFromEnv, runLimitsFor, type RunLimits } from './run-limits';
import { AcceptedRuns } from './accepted-runs';
import { RunOutcomes, type RunOutcome } from './run-outcomes';

const RUN_WAIT_MS = Number(process.env.SIGIL_RUN_WAIT_MS ?? 30_000);
const RUN_DEFAULTS = runDefaultsFromEnv(process.env);

export interface RunOrder {
  agentName: string;
  input: string;
  sessionId?: string;
  /** Answer once the run is stored instead of waiting for it. */
  async?: boolean;
  /** How long to wait for the run (not its deadline). */
  timeoutMs?: number;
  /** The request's `config`: the run's token budget and how long from acceptance it may take. */
  config: { maxTotalTokens?: number; timeoutMs?: number };
  /** POST /v7/contracts/execute: the contract to hold the output to, and the failure strategy to use. */
  contract?: { name?: string; json?: string; forceStrategy?: string };
}

export interface LaunchedRun {
  runId: string;
  sessionId: string;
  agent: Agent;
  requestId: string;
  remainingTokens: number;
  limits: RunLimits;
  /** Undefined for an async run; `timeout` when the wait ran out first. */
  outcome?: RunOutcome;
  /** The gateway's own time so far (checks and hand-over) and the wait for the platform, in ms. */
  timing: { handedOverAt: number; settledAt: number };
}

/**
 * Starts a run the way every endpoint must: the agent active, the budget checked, the request stored
 * on the bus. Its routes are marked @StartsRuns(), which reads the budget's counters with the rate limit.
 */
@Injectable()
export class RunLauncher {
  constructor(
    private readonly agents: AgentsClient,
    private readonly budget: TokenBudget,
    private readonly publisher: EventPublisher,
    private readonly outcomes: RunOutcomes,
    private readonly accepted: AcceptedRuns,
  ) {}

  async launch(order: RunOrder, request: FastifyRequest, reply: FastifyReply): Promise<LaunchedRun> {
    const principal = principalOf(request);
    const correlation = correlationFor(request);
    // The rate limit was decided while the body was validated; a refused request stops here, before any lookup.
    const tokenReading = await tokenReadingOf(request);
    const [agent, allowance] = await Promise.all([this.agents.get(order.agentName, correlation), this.budget.ensureCanRun(principal, tokenReading, correlation)]);
    if (agent.status !== 'active') throw Problems.agentInactive(order.agentName);
    const runId = randomUUID();
    const sessionId = order.sessionId ?? randomUUID();
    const requestId = String(request.id);
    const waiting = order.async ? undefined : this.outcomes.waitFor(runId, principal.tenantId, order.timeoutMs ?? RUN_WAIT_MS);
    const acceptedAtMs = Date.now();
    const limits = runLimitsFor(order.config, agent.maxTotalTokens, RUN_DEFAULTS, acceptedAtMs);
    const run = {
      runId,
      sessionId,
      agent: { name: agent.name, version: agent.version, stratum: agent.stratum, systemPrompt: agent.systemPrompt, maxTotalTokens: agent.maxTotalTokens },
      input: order.input,
      requestId,
      requestedAtMs: BigInt(acceptedAtMs),
      contractName: order.contract?.name ?? '',
      contractJson: order.contract?.json ?? '',
      forceStrategy: order.contract?.forceStrategy ?? '',
      maxTotalTokens: BigInt(limits.maxTotalTokens),
      deadlineMs: BigInt(limits.deadlineMs),
    };
    const publishing = orUnavailable('message bus', () => this.publisher.publish(Events.RunRequested, run, { ...correlationFor(request, { sessionId, runId }), id: runId })).catch(
      (error: unknown) => {
        this.outcomes.forget(runId);
        throw error;
      },
    );
    const handedOverAt = reply.elapsedTime;
    // The stream's acknowledgement overlaps the wait: the platform works on the run as soon as the stream has it.
    // Nothing is answered before the acknowledgement, so an accepted run is always a stored one.
    const remembering = this.accepted.remember({
      runId,
      sessionId,
      tenantId: principal.tenantId,
      agentName: agent.name,
      agentVersion: agent.version,
      requestId,
      acceptedAtMs,
      maxTotalTokens: limits.maxTotalTokens,
      deadlineMs: limits.deadlineMs,
    });
    const [, outcome] = await Promise.all([publishing, waiting, remembering]);
    return { runId, sessionId, agent, requestId, remainingTokens: allowance.remainingTokens, limits, outcome, timing: { handedOverAt, settledAt: reply.elapsedTime } };
  }
}
