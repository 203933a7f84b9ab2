import { categoryProblem, checked, confidenceProblem, contentProblem, idProblem } from './memory-rules';

describe('memory rules', () => {
  it('given category names, when checked, then lower-case words joined by _ or - pass and others are named', () => {
    expect(categoryProblem('user_preferences')).toBeUndefined();
    expect(categoryProblem('a-1')).toBeUndefined();
    expect(categoryProblem('User Preferences')).toBe("category 'User Preferences' must match ^[a-z][a-z0-9_-]{0,63}$ (lower-case letters, digits, _ and -, at most 64)");
    expect(categoryProblem(`a${'b'.repeat(64)}`)).toBeDefined();
  });

  it('given ids, when checked, then up to 200 characters (code points) pass', () => {
    expect(idProblem('session_id', '😀'.repeat(200))).toBeUndefined();
    expect(idProblem('session_id', 'x'.repeat(201))).toBe('session_id must be at most 200 characters');
  });

  it('given content, when checked, then 1 to 10,000 characters pass', () => {
    expect(contentProblem('a fact')).toBeUndefined();
    expect(contentProblem('')).toBe('content must be 1 to 10000 characters, not 0');
    expect(contentProblem('x'.repeat(10_001))).toBe('content must be 1 to 10000 characters, not 10001');
  });

  it('given confidences, when checked, then numbers 0 to 1 pass and anything else is named', () => {
    expect(confidenceProblem(0)).toBeUndefined();
    expect(confidenceProblem(1)).toBeUndefined();
    expect(confidenceProblem(1.2)).toBe('confidence must be a number from 0 to 1, not 1.2');
    expect(confidenceProblem('0.5')).toBe('confidence must be a number from 0 to 1, not "0.5"');
    expect(confidenceProblem(Number.NaN)).toBeDefined();
  });

  it('given problems, when checked, then every problem is listed; given none, then the value', () => {
    expect(checked(['a', undefined, 'b'], () => 1)).toEqual({ ok: false, problems: ['a', 'b'] });
    expect(checked([undefined], () => 1)).toEqual({ ok: true, value: 1 });
  });
});
