import { problemFor } from '../common/problem-details.filter';
import { memoryProblem } from './memory-problems';

const refusal = (code: string, message = '', status = 0) => ({ $typeName: 'sigil.common.v1.QueryError' as const, code, message, status });

describe('memory refusals as problems', () => {
  it('given MEM_001, when mapped, then it is a 400 keeping the service message, as a violation of the request input', () => {
    const problem = problemFor(memoryProblem(refusal('MEM_001', 'invalid memory request: k must be 1 to 50, not 60', 400), { input: 'body' }));
    expect(problem).toEqual({
      status: 400,
      title: 'InvalidMemoryRequestError',
      errorCode: 'MEM_001',
      detail: 'invalid memory request: k must be 1 to 50, not 60',
      validationErrors: [{ field: 'body', message: 'invalid memory request: k must be 1 to 50, not 60', code: 'MEM_001' }],
      recoveryHints: ['Fix the request as the detail says and retry'],
    });
  });

  it.each([
    ['resource', 'MemoryResourceNotFoundError', "Resource '0b3c9d4e-8f1a-4b2c-9d3e-4f5a6b7c8d9e' not found", '0b3c9d4e-8f1a-4b2c-9d3e-4f5a6b7c8d9e'],
    ['category', 'MemoryCategoryNotFoundError', "Category 'goals' not found", 'goals'],
  ] as const)('given MEM_404 for a %s, when mapped, then it is a 404 naming it', (kind, title, detail, name) => {
    const problem = problemFor(memoryProblem(refusal('MEM_404', 'service wording', 404), { input: 'id', named: { kind, name } }));
    expect(problem).toMatchObject({ status: 404, title, errorCode: 'MEM_404', detail });
    expect(problem.recoveryHints?.length).toBeGreaterThan(0);
  });

  it('given MEM_404 for a request that named nothing, no error, or an unknown code, when mapped, then it is an opaque 500', () => {
    for (const error of [refusal('MEM_404', 'gone', 404), undefined, refusal('MEM_500', 'database down', 500)]) {
      const mapped = memoryProblem(error, { input: 'body' });
      expect([error?.code, problemFor(mapped)]).toEqual([error?.code, expect.objectContaining({ status: 500, errorCode: 'SYS_001', detail: 'An unexpected error occurred' })]);
    }
  });
});
