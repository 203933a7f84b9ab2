import type { RunView } from '@sigil/schemas';
import { runResponse } from '../runs/run-response';
import { isFinished } from '../runs/run-states';

/** An escalated run is not done: it waits for a person's review. */
const STATES: Record<string, string> = {
  accepted: 'pending',
  running: 'running',
  escalated: 'awaiting_review',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * A long-running operation (guidelines: async operations) backed by an agent run; its id is the run id.
 * A failed or cancelled one (RUN_004 on request, RUN_005 at its deadline) has its error; the run's
 * steps, finished ones included, are at links.run.
 */
export function operationView(run: RunView) {
  const state = STATES[run.status] ?? 'running';
  const done = isFinished(run.status);
  return {
    operation_id: run.runId,
    kind: 'agent_run',
    status: state,
    done,
    created_at: run.createdAt || null,
    completed_at: run.completedAt || null,
    result: state === 'completed' ? runResponse(run) : null,
    error: done && state !== 'completed' ? { error_code: run.errorCode, message: run.errorMessage } : null,
    links: { run: `/v7/runs/${run.runId}` },
  };
}
