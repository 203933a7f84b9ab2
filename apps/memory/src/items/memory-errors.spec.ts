import { invalidInput, notFound } from './memory-errors';

describe('memory errors', () => {
  it('given a few problems, when reported, then MEM_001 names them all', () => {
    expect(invalidInput(['a is wrong', 'b is wrong'])).toEqual({ error: { code: 'MEM_001', message: 'invalid memory request: a is wrong; b is wrong', status: 400 } });
  });

  it('given more than ten problems, when reported, then the first ten are named and the rest counted', () => {
    const problems = Array.from({ length: 12 }, (_, index) => `items[${index}]: wrong`);
    expect(invalidInput(problems).error.message).toBe(`invalid memory request: ${problems.slice(0, 10).join('; ')}; and 2 more`);
  });

  it('given something absent, when reported, then it is MEM_404 with status 404', () => {
    expect(notFound('no memory resource r-1')).toEqual({ error: { code: 'MEM_404', message: 'no memory resource r-1', status: 404 } });
  });
});
