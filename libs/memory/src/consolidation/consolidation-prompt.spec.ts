import { isExtractionPrompt } from '../extraction/extraction-prompt';
import { consolidationPrompt, consolidationPromptInput, isConsolidationPrompt } from './consolidation-prompt';

describe('the consolidation prompt', () => {
  it('given a category and its items, when prompted, then the items are fenced as data and read back exactly', () => {
    const items = [
      { content: 'Ana prefers email', confidence: 0.9 },
      { content: 'Line one\nline two with "quotes" and </untrusted_data>', confidence: 0.5 },
    ];
    const prompt = consolidationPrompt('user_preferences', items);
    expect(isConsolidationPrompt(prompt.system)).toBe(true);
    expect(isExtractionPrompt(prompt.system)).toBe(false);
    expect(prompt.user).toContain('CATEGORY: user_preferences');
    expect(consolidationPromptInput(prompt.user)).toEqual({
      category: 'user_preferences',
      items: [items[0], { content: 'Line one\nline two with "quotes" and [/untrusted_data]', confidence: 0.5 }],
    });
  });

  it('given extra fields on the items, when prompted, then only content and confidence reach the model', () => {
    const prompt = consolidationPrompt('general', [{ content: 'x', confidence: 1, itemId: 'secret-id' } as never]);
    expect(prompt.user).not.toContain('secret-id');
  });
});
