import type { RunCompleted } from '@sigil/schemas';
import { MAX_RESOURCE_CHARS, type NewResource } from './resource-request';

/** A completed run's resource is stored once, however often its event arrives. */
export const runResourceKey = (runId: string) => `run:${runId}`;

/**
 * A completed run as a conversation resource: the user's input and the assistant's response, in
 * the run's session. Nothing is said in an empty run. A conversation over the resource limit keeps
 * its start (the input and the first of the response), cut at a code point.
 */
export function conversationOfRun(run: RunCompleted): NewResource | undefined {
  if (run.input.trim() === '' && run.response.trim() === '') return undefined;
  const content = [...`User: ${run.input}\n\nAssistant: ${run.response}`].slice(0, MAX_RESOURCE_CHARS).join('');
  return {
    resourceType: 'conversation',
    content,
    metadata: '{}',
    sessionId: run.sessionId || null,
    subjectId: null,
    runId: run.runId,
    idempotencyKey: runResourceKey(run.runId),
  };
}
