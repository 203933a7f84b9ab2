import type { FastifyReply } from 'fastify';
import type { LaunchedRun } from './run-launcher';

/** The run is stored and under way (or waiting for review); the operation tells when it is done. */
export function accepted(reply: FastifyReply, { runId, sessionId }: Pick<LaunchedRun, 'runId' | 'sessionId'>) {
  void reply.status(202).header('location', `/v7/operations/${runId}`);
  return { operation_id: runId, run_id: runId, session_id: sessionId, status: 'accepted', links: { operation: `/v7/operations/${runId}`, run: `/v7/runs/${runId}` } };
}

/** The planner announced the run's end (or escalation), so not finding it is the planner's fault. */
export function finishedRunMissing(runId: string): never {
  throw new Error(`planner announced run ${runId} settled but does not know it`);
}
