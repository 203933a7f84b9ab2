import { Queries } from '@sigil/catalog';
import type { Correlation, QueryClient } from '@sigil/messaging';
import type { Tool } from '@sigil/reasoning';
import { askQuery } from './query-tool';

/**
 * Stores a fact in the tenant's memory over the bus (`sigil.memory.v1.store`). The idempotency key
 * is the step and the call's place in it, so a redelivered step stores nothing twice.
 */
export function memoryStoreTool(queries: QueryClient, correlation: Correlation): Tool {
  return {
    name: 'memory_store',
    description: "Store a fact, preference or result in the agent's long-term memory so later runs can find it.",
    inputSchema: {
      type: 'object',
      properties: {
        content: { type: 'string', minLength: 1, description: 'The fact to remember, as one self-contained statement.' },
        category: { type: 'string', description: 'A lower-case name such as user_preferences (default general).' },
      },
      required: ['content'],
      additionalProperties: false,
    },
    run: (input, context) =>
      askQuery(
        () =>
          queries.request(
            Queries.StoreMemory,
            {
              content: String(input.content),
              category: String(input.category ?? ''),
              sessionId: context.sessionId,
              runId: context.runId,
              idempotencyKey: `${context.stepId}:${context.callIndex}`,
            },
            correlation,
          ),
        (answer) => (answer.created ? `Stored as memory item ${answer.itemId}.` : `Already stored as memory item ${answer.itemId}.`),
      ),
  };
}
