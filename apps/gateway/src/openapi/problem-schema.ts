import type { SchemaObject } from '@nestjs/swagger';

/** RFC 9457 problem details as this API sends them. */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'error_code', 'request_id', 'timestamp', 'recovery_hints'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    // {COMPONENT}_{NNN} of the API guidelines, or CV-00N of the contract errors (architecture spec, appendix C).
    error_code: { type: 'string', pattern: '^[A-Z]+[_-][0-9A-Z]+$', examples: ['AGT_001', 'CV-004'] },
    request_id: { type: 'string' },
    timestamp: { type: 'string', format: 'date-time' },
    validation_errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string', description: 'Domain code of the violation, e.g. CV-002' } },
      },
    },
    recovery_hints: { type: 'array', items: { type: 'string' } },
    // Extension members of the run problems (RUN_004, RUN_005, CTX_003 of a run, RUN_006).
    run_id: { type: 'string', description: 'The run the problem is about' },
    run_status: { type: 'string', description: 'RUN_006: how the run ended' },
    partial_results: {
      type: 'array',
      description: 'RUN_004, RUN_005, CTX_003 of a run: its plan steps as they stood when it stopped, finished ones with their output',
      items: {
        type: 'object',
        required: ['id', 'title', 'status', 'output', 'error'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'string', examples: ['completed', 'failed', 'skipped', 'cancelled'] },
          output: { type: ['string', 'null'] },
          error: { type: ['string', 'null'] },
        },
      },
    },
  },
};

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});
