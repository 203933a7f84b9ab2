import { readSummary } from './read-summary';

describe('reading a summary', () => {
  it('given markdown, when read, then it is the summary, trimmed', () => {
    expect(readSummary('\n# Goals\n\n- Launch in May (1 item)\n')).toEqual({ ok: true, summary: '# Goals\n\n- Launch in May (1 item)' });
  });

  it('given markdown wrapped in a fence, when read, then the fence is removed', () => {
    expect(readSummary('```markdown\n# Goals\n- Launch\n```')).toEqual({ ok: true, summary: '# Goals\n- Launch' });
  });

  it('given an empty answer, when read, then it is refused', () => {
    expect(readSummary('  \n')).toEqual({ ok: false, problem: 'the summary is empty' });
    expect(readSummary('```\n\n```')).toEqual({ ok: false, problem: 'the summary is empty' });
  });

  it('given more than 20,000 characters, when read, then it is refused', () => {
    expect(readSummary('x'.repeat(20_001))).toEqual({ ok: false, problem: 'the summary has 20001 characters; at most 20000 are allowed' });
  });
});
