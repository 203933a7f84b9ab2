import { isItemRelevancePrompt, itemRelevancePrompt, itemRelevancePromptInput } from './item-relevance-prompt';
import { readItemRelevance } from './read-item-relevance';

describe('item relevance', () => {
  it('given a query and items, when prompted, then both are fenced as data and read back exactly', () => {
    const items = [{ itemId: 'i-1', content: 'Ana prefers email', category: 'preferences' }];
    const prompt = itemRelevancePrompt('How should I contact Ana?', items);
    expect(isItemRelevancePrompt(prompt.system)).toBe(true);
    expect(prompt.system).toContain('{"relevant": [{"item_id": "...", "score": 0.8}]}');
    expect(itemRelevancePromptInput(prompt.user)).toEqual({ query: 'How should I contact Ana?', items });
  });

  it('given scored items, when read, then they come back best first', () => {
    expect(readItemRelevance('{"relevant": [{"item_id": "a", "score": 0.4}, {"item_id": "b", "score": 0.9}]}', ['a', 'b'])).toEqual({
      ok: true,
      relevant: [
        { itemId: 'b', score: 0.9 },
        { itemId: 'a', score: 0.4 },
      ],
    });
  });

  it('given ids the model was not shown, when read, then they are dropped; an item listed twice keeps its higher score', () => {
    expect(readItemRelevance('{"relevant": [{"item_id": "x", "score": 1}, {"item_id": "a", "score": 0.3}, {"item_id": "a", "score": 0.6}]}', ['a'])).toEqual({
      ok: true,
      relevant: [{ itemId: 'a', score: 0.6 }],
    });
  });

  it('given a score outside 0..1 or a malformed entry, when read, then it is refused naming each', () => {
    expect(readItemRelevance('{"relevant": [{"item_id": "a", "score": 7}, "b", {"score": 0.5}]}', ['a', 'b'])).toEqual({
      ok: false,
      problem: 'relevant[0].score must be a number from 0 to 1, not 7; relevant[1] is not an object; relevant[2].item_id must be an item id',
    });
  });

  it('given malformed JSON, when read, then it is refused saying so', () => {
    expect(readItemRelevance('{"relevant": [', ['a'])).toEqual({ ok: false, problem: 'the answer holds no JSON object with a "relevant" list' });
  });
});
