import { deterministicCategorySelection, deterministicItemRelevance } from './deterministic-relevance';

describe('deterministic relevance', () => {
  it('given categories, when selected for a query, then those sharing its terms come first and the rest are left out', () => {
    const categories = [
      { name: 'goals', summary: '# Goals\n\n- Launch in May (1 item)' },
      { name: 'contacts', summary: '# Contacts\n\n- Ana email is ana@example.com (1 item)' },
      { name: 'preferences', summary: '# Preferences\n\n- Ana prefers email (1 item)' },
    ];
    expect(deterministicCategorySelection('Which email address does Ana prefer?', categories)).toEqual(['preferences', 'contacts']);
  });

  it('given items, when judged for a query, then each is scored by the share of the query terms it holds, best first', () => {
    const items = [
      { itemId: 'tea', content: 'Ana likes tea', category: 'preferences' },
      { itemId: 'email', content: 'Ana prefers email', category: 'preferences' },
      { itemId: 'office', content: 'The office has three floors', category: 'general' },
    ];
    expect(deterministicItemRelevance('does Ana prefer email', items)).toEqual([
      { itemId: 'email', score: 1 },
      { itemId: 'tea', score: 2 / 3 },
    ]);
  });
});
