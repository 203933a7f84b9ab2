import { categoryOf, type CategoryRow } from './category-view';

const row: CategoryRow = {
  name: 'preferences',
  summary_markdown: '# Preferences\n\n- Prefers tea (2 items)',
  item_count: 2,
  last_consolidated_at: new Date('2026-01-02T03:04:05.000Z'),
  dirty_since: null,
  updated_at: new Date('2026-01-02T03:04:06.000Z'),
};

describe('category view', () => {
  it('given a consolidated category, when shown alone, then it has its summary, count and times, and nothing pending', () => {
    expect(categoryOf(row, { withSummary: true })).toMatchObject({
      name: 'preferences',
      summaryMarkdown: row.summary_markdown,
      itemCount: 2,
      lastConsolidatedAt: '2026-01-02T03:04:05.000Z',
      consolidationPending: false,
      updatedAt: '2026-01-02T03:04:06.000Z',
    });
  });

  it('given a category in a list, when shown, then its summary is left out', () => {
    expect(categoryOf(row, { withSummary: false }).summaryMarkdown).toBe('');
  });

  it('given a category never consolidated whose items changed, when shown, then it has no consolidation time and one is pending', () => {
    expect(categoryOf({ ...row, last_consolidated_at: null, dirty_since: new Date() }, { withSummary: true })).toMatchObject({
      lastConsolidatedAt: '',
      consolidationPending: true,
    });
  });
});
