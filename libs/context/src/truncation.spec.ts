import { keepBeginningAndEnd, keepEnd, largestFitting } from './truncation';

describe('truncation', () => {
  it('given text no longer than the room, when cut, then it is unchanged', () => {
    expect(keepEnd('short', 5)).toBe('short');
    expect(keepBeginningAndEnd('short', 10)).toBe('short');
  });

  it('given a long text, when its end is kept, then the front is replaced by a marker counting what was cut', () => {
    expect(keepEnd('0123456789abcdef', 4)).toBe('[… 3 earlier tokens cut to fit the context …]\ncdef');
  });

  it('given a long text, when its beginning and end are kept, then the middle is replaced by a marker', () => {
    expect(keepBeginningAndEnd('BEGIN-middle-middle-middle-END', 10)).toBe('BEGIN\n[… 5 tokens cut here to fit the context …]\ne-END');
  });

  it('given a cut that would fall inside a surrogate pair, when cut, then the pair is not split', () => {
    const text = 'ab😀cd😀ef';
    for (let keep = 0; keep < text.length; keep++) {
      expect(keepEnd(text, keep)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(keepBeginningAndEnd(text, keep)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('given a threshold, when searched, then the largest fitting value is found', () => {
    expect(largestFitting(0, 1000, (n) => n <= 637)).toBe(637);
    expect(largestFitting(5, 1000, () => false)).toBe(5);
    expect(largestFitting(0, 10, () => true)).toBe(10);
  });
});
