import type { RunView } from '@sigil/schemas';
import { runResponse } from '../runs/run-response';

/** An escalated run is not done: it waits for a person's review. */
const STATES: Record<string, string> = { accepted: 'pending', running: 'running', escalated: 'awaiting_review', completed: 'completed', failed: 'failed' };

/** A long-running operation (guidelines: async operations) backed by an agent run; its id is the run id. */
export function operationView(run: RunView) {
  const state = STATES[run.status] ?? 'running';
  const done = state === 'completed' || state === 'failed';
  return {
    operation_id: run.runId,
    kind: 'agent_run',
    status: state,
    done,
    created_at: run.createdAt || null,
    completed_at: run.completedAt || null,
    result: state === 'completed' ? runResponse(run) : null,
    error: state === 'failed' ? { error_code: run.errorCode, message: run.errorMessage } : null,
    links: { run: `/v7/runs/${run.runId}` },
  };
}
