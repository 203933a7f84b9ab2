import { create } from '@bufbuild/protobuf';
import { Inject, Injectable } from '@nestjs/common';
import { RunViewSchema, type RunView } from '@sigil/schemas';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';

/** Long enough for any planner backlog; the planner's own record answers after that. */
const REMEMBER_S = 3_600;

export interface AcceptedRun {
  runId: string;
  sessionId: string;
  tenantId: string;
  agentName: string;
  agentVersion: number;
  requestId: string;
  acceptedAtMs: number;
  maxTotalTokens: number;
  deadlineMs: number;
}

const keyOf = (tenantId: string, runId: string) => `run-accepted:${tenantId}:${runId}`;

/**
 * Runs this gateway tier accepted, in Redis for an hour, so a client that polls at once after its
 * 202 sees the run as `accepted` rather than 404 while the planner has not yet stored it.
 */
@Injectable()
export class AcceptedRuns {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async remember(run: AcceptedRun): Promise<void> {
    await this.redis.set(keyOf(run.tenantId, run.runId), JSON.stringify(run), 'EX', REMEMBER_S);
  }

  /** The accepted run as a pending view, when this tenant's gateway accepted it within the hour. */
  async pendingView(tenantId: string, runId: string): Promise<RunView | undefined> {
    const stored = await this.redis.get(keyOf(tenantId, runId));
    return stored ? pendingRunView(JSON.parse(stored) as AcceptedRun) : undefined;
  }
}

export function pendingRunView(run: AcceptedRun): RunView {
  return create(RunViewSchema, {
    runId: run.runId,
    sessionId: run.sessionId,
    agentName: run.agentName,
    agentVersion: run.agentVersion,
    status: 'accepted',
    requestId: run.requestId,
    createdAt: new Date(run.acceptedAtMs).toISOString(),
    maxTotalTokens: BigInt(run.maxTotalTokens),
    deadlineAt: run.deadlineMs > 0 ? new Date(run.deadlineMs).toISOString() : '',
  });
}
