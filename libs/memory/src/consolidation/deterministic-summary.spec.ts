import { readSummary } from './read-summary';
import { categoryTitle, deterministicSummary } from './deterministic-summary';

describe('deterministic summary', () => {
  it('given a category name, when titled, then its words read as a heading', () => {
    expect(categoryTitle('user_preferences')).toBe('User preferences');
    expect(categoryTitle('follow-ups')).toBe('Follow ups');
  });

  it('given items, when summarised, then distinct facts are bulleted most confident first, each with how many items state it', () => {
    const summary = deterministicSummary('preferences', [
      { content: 'Ana likes tea', confidence: 0.5 },
      { content: 'Ana prefers email', confidence: 0.9 },
      { content: 'ana prefers email.', confidence: 0.7 },
      { content: 'Bo likes  \n jazz', confidence: 0.9 },
    ]);
    expect(summary).toBe(['# Preferences', '', '- Ana prefers email (2 items)', '- Bo likes jazz (1 item)', '- Ana likes tea (1 item)'].join('\n'));
  });

  it('given no items, when summarised, then the summary says there are none', () => {
    expect(deterministicSummary('goals', [])).toBe('# Goals\n\nNo facts recorded.');
  });

  it('given more facts than fit, when summarised, then it stays within the summary limit and counts the rest', () => {
    const items = Array.from({ length: 200 }, (_, index) => ({ content: `fact ${index} ${'x'.repeat(600)}`, confidence: 0.5 }));
    const summary = deterministicSummary('general', items);
    expect(readSummary(summary).ok).toBe(true);
    expect(summary).toMatch(/\n- … and \d+ more facts$/);
    expect(summary.split('\n')[2]).toBe(`- fact 0 ${'x'.repeat(492)}… (1 item)`);
  });
});
