import type { ValidationError } from '../model/validation-result';
import { type ValidationRecord, commonMistakes, learnFromHistory, pickExemplars, renderMistake, successRate } from './validation-history';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 100 * DAY;
const missing = (field: string): ValidationError => ({ field, rule: 'required', expected: 'str', actual: 'missing', message: `${field} is required but missing` });
const typeError = (field: string): ValidationError => ({ field, rule: 'type', expected: 'int', actual: 'str', message: `${field} must be int, not str` });
const failed = (errors: ValidationError[], recordedAtMs = NOW): ValidationRecord => ({ isValid: false, errors, output: null, recordedAtMs });
const passed = (output: ValidationRecord['output'], recordedAtMs: number): ValidationRecord => ({ isValid: true, errors: [], output, recordedAtMs });

describe('learning from validation history', () => {
  it.each([
    [missing('recommendation'), 'Missing field: recommendation'],
    [typeError('score'), 'Type error: score must be int, not str'],
    [typeError('findings[3].confidence'), 'Type error: findings[].confidence must be int, not str'],
    [{ field: '$', rule: 'json', expected: 'a JSON object', actual: '"hi"', message: '' } as ValidationError, 'Not JSON: the response must be one JSON object'],
    [{ field: 'score', rule: 'max', expected: 'value <= 100', actual: '150', message: '' } as ValidationError, 'Rule violation: score must satisfy value <= 100'],
  ])('given %j, when rendered as a mistake, then it reads %s', (error, text) => {
    expect(renderMistake(error)).toBe(text);
  });

  it('given repeated errors, when common mistakes are taken, then they are counted, ordered by frequency and cut to the limit', () => {
    const history = [
      failed([typeError('score'), missing('analysis')]),
      failed([missing('recommendation'), typeError('score')]),
      failed([missing('recommendation')]),
      failed([typeError('findings[0].confidence'), typeError('findings[4].confidence'), typeError('score')]),
    ];
    expect(commonMistakes(history, 3)).toEqual([
      { text: 'Type error: score must be int, not str', count: 3 },
      { text: 'Missing field: recommendation', count: 2 },
      { text: 'Type error: findings[].confidence must be int, not str', count: 2 },
    ]);
  });

  it('given three passes in four, when the success rate is taken, then it is 0.75; with no history it is null', () => {
    expect(successRate([passed({}, 1), passed({}, 2), passed({}, 3), failed([])])).toBe(0.75);
    expect(successRate([])).toBeNull();
  });

  it('given valid outputs of various ages, when exemplars are picked, then the newest distinct ones within the age limit come first', () => {
    const history = [
      passed({ score: 1 }, NOW - 40 * DAY),
      passed({ score: 2 }, NOW - 2 * DAY),
      passed({ score: 3 }, NOW - 1 * DAY),
      passed({ score: 3 }, NOW - 3 * DAY),
      failed([missing('score')], NOW),
      passed({ score: 4 }, NOW - 5 * DAY),
    ];
    expect(pickExemplars(history, { nowMs: NOW, exemplarLimit: 3 })).toEqual([{ score: 3 }, { score: 2 }, { score: 4 }]);
    expect(pickExemplars(history, { nowMs: NOW, exemplarMaxAgeMs: 2 * DAY })).toEqual([{ score: 3 }, { score: 2 }]);
  });

  it('given history, when learnt from, then the prompt gets mistake texts, the success rate and exemplars', () => {
    expect(learnFromHistory([failed([missing('recommendation')]), passed({ score: 9 }, NOW)], { nowMs: NOW })).toEqual({
      commonMistakes: ['Missing field: recommendation'],
      successRate: 0.5,
      exemplars: [{ score: 9 }],
    });
  });
});
