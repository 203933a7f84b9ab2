import { validate } from '../validation/compile-contract';
import { RESEARCH_REPORT } from './research-report';

describe('research_report template', () => {
  it('given a report with a too-short summary, no findings and a bad source URL, when validated, then each is named by path', () => {
    const output = {
      title: 'CRM market',
      executive_summary: 'Short.',
      findings: [],
      sources: [{ title: 'Survey', url: 'ftp://example.com' }],
      confidence: 0.6,
    };
    expect(validate(output, RESEARCH_REPORT).errors.map((error) => [error.field, error.rule])).toEqual([
      ['executive_summary', 'min_length'],
      ['findings', 'min_length'],
      ['sources[0].url', 'pattern'],
    ]);
  });

  it('given the template, when its strategy is read, then a report degrades to partial rather than failing', () => {
    expect(RESEARCH_REPORT.failureStrategy).toBe('partial');
  });
});
