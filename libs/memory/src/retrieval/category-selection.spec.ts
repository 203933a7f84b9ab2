import { categorySelectionPrompt, categorySelectionPromptInput, isCategorySelectionPrompt } from './category-selection-prompt';
import { readCategorySelection } from './read-category-selection';

describe('category selection', () => {
  it('given a query and categories, when prompted, then both are fenced as data and read back exactly', () => {
    const categories = [
      { name: 'preferences', summary: '# Preferences\n\n- Ana prefers email (1 item)' },
      { name: 'goals', summary: '' },
    ];
    const prompt = categorySelectionPrompt('How should I contact Ana?', categories);
    expect(isCategorySelectionPrompt(prompt.system)).toBe(true);
    expect(prompt.system).toContain('{"categories": ["category_name"]}');
    expect(categorySelectionPromptInput(prompt.user)).toEqual({ query: 'How should I contact Ana?', categories });
  });

  it('given a long summary, when prompted, then only its first 2,000 characters are shown', () => {
    const prompt = categorySelectionPrompt('q', [{ name: 'general', summary: 'x'.repeat(2_500) }]);
    expect(categorySelectionPromptInput(prompt.user).categories[0].summary).toBe('x'.repeat(2_000));
  });

  it('given an answer naming shown categories, when read, then they come back in the model\'s order, once each', () => {
    expect(readCategorySelection('{"categories": ["goals", "preferences", "goals"]}', ['preferences', 'goals'])).toEqual({ ok: true, categories: ['goals', 'preferences'] });
  });

  it('given names the model was not shown, when read, then they are dropped', () => {
    expect(readCategorySelection('{"categories": ["secrets", "goals"]}', ['goals'])).toEqual({ ok: true, categories: ['goals'] });
  });

  it('given more than five, when read, then the first five are kept', () => {
    const shown = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(readCategorySelection(JSON.stringify({ categories: shown }), shown)).toEqual({ ok: true, categories: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('given malformed JSON or names that are not strings, when read, then it is refused saying so', () => {
    expect(readCategorySelection('goals, preferences', ['goals'])).toEqual({ ok: false, problem: 'the answer holds no JSON object with a "categories" list' });
    expect(readCategorySelection('{"categories": [1]}', ['goals'])).toEqual({ ok: false, problem: '"categories" must be a list of category names' });
  });
});
