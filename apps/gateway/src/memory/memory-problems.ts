import type { QueryError } from '@sigil/schemas';
import { ProblemException } from '../common/problem';

/** What a memory request was about, so a refusal can name it. */
export interface MemorySubject {
  /** Where the request's input was: the field a MEM_001 is reported on (`body`, `query`, `id`). */
  input: string;
  /** The resource or category the request named, for a MEM_404. */
  named?: { kind: 'resource' | 'category'; name: string };
}

const NOT_FOUND = {
  resource: {
    title: 'MemoryResourceNotFoundError',
    detail: (id: string) => `Resource '${id}' not found`,
    hints: ['Verify the resource id from the 202 of POST /v7/memory/resources', 'Resources are visible only to the tenant that stored them', 'An erased session or subject takes its resources with it'],
  },
  category: {
    title: 'MemoryCategoryNotFoundError',
    detail: (name: string) => `Category '${name}' not found`,
    hints: ['List the categories with GET /v7/memory/categories', 'A category appears once an item of it is stored'],
  },
};

/**
 * The memory service's refusal as an API problem, by its MEM code. Anything else (no error, an
 * unknown code, a MEM_404 for a request that named nothing) is the service's fault: a plain error,
 * which the filter answers as an opaque 500.
 */
export function memoryProblem(error: QueryError | undefined, subject: MemorySubject): Error {
  if (error?.code === 'MEM_001') {
    return new ProblemException({
      status: 400,
      title: 'InvalidMemoryRequestError',
      errorCode: 'MEM_001',
      detail: error.message || 'Invalid memory request',
      validationErrors: [{ field: subject.input, message: error.message, code: 'MEM_001' }],
      recoveryHints: ['Fix the request as the detail says and retry'],
    });
  }
  if (error?.code === 'MEM_404' && subject.named) {
    const { kind, name } = subject.named;
    return new ProblemException({ status: 404, title: NOT_FOUND[kind].title, errorCode: 'MEM_404', detail: NOT_FOUND[kind].detail(name), recoveryHints: NOT_FOUND[kind].hints });
  }
  return new Error(`memory service answered without a result: ${error?.code || 'no error'} ${error?.message ?? ''}`.trim());
}
