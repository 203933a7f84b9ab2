import { consolidationPrompt } from '../consolidation/consolidation-prompt';
import { deterministicSummary } from '../consolidation/deterministic-summary';
import { readSummary } from '../consolidation/read-summary';
import { deterministicExtraction } from '../extraction/deterministic-extraction';
import { extractionPrompt } from '../extraction/extraction-prompt';
import { readExtraction } from '../extraction/read-extraction';
import { categorySelectionPrompt } from '../retrieval/category-selection-prompt';
import { itemRelevancePrompt } from '../retrieval/item-relevance-prompt';
import { readCategorySelection } from '../retrieval/read-category-selection';
import { readItemRelevance } from '../retrieval/read-item-relevance';
import { memoryLocalAnswer } from './memory-local-answer';

const answer = (prompt: { system: string; user: string }) => memoryLocalAnswer(prompt.system, prompt.user);

describe('the memory local model', () => {
  it('given an extraction prompt, when answered, then the answer is the deterministic extraction, which the parser accepts', () => {
    const content = 'User: Hi! I prefer email over phone calls. What is the time?\n\nAssistant: Noted.';
    expect(readExtraction(answer(extractionPrompt({ resourceType: 'conversation', content, metadata: {} })))).toEqual({ ok: true, facts: deterministicExtraction(content) });
  });

  it('given a consolidation prompt, when answered, then the answer is the deterministic summary, which the parser accepts', () => {
    const items = [{ content: 'Ana prefers email', confidence: 0.9 }];
    expect(readSummary(answer(consolidationPrompt('preferences', items)))).toEqual({ ok: true, summary: deterministicSummary('preferences', items) });
  });

  it('given a category selection prompt, when answered, then the categories sharing the query terms come back, readable', () => {
    const categories = [
      { name: 'preferences', summary: '- Ana prefers email' },
      { name: 'goals', summary: '- Launch in May' },
    ];
    const text = answer(categorySelectionPrompt('What does Ana prefer?', categories));
    expect(readCategorySelection(text, ['preferences', 'goals'])).toEqual({ ok: true, categories: ['preferences'] });
  });

  it('given an item relevance prompt, when answered, then the items sharing the query terms come back scored, readable', () => {
    const items = [
      { itemId: 'i-1', content: 'Ana prefers email', category: 'preferences' },
      { itemId: 'i-2', content: 'Launch in May', category: 'goals' },
    ];
    const text = answer(itemRelevancePrompt('Ana email', items));
    expect(readItemRelevance(text, ['i-1', 'i-2'])).toEqual({ ok: true, relevant: [{ itemId: 'i-1', score: 1 }] });
  });

  it('given the same prompt twice, when answered, then the answers are identical', () => {
    const prompt = extractionPrompt({ resourceType: 'document', content: 'Ana works at Acme. Ana likes tea.', metadata: {} });
    expect(answer(prompt)).toBe(answer(structuredClone(prompt)));
  });

  it('given a prompt memory never asks, when answered, then it refuses naming the prompt', () => {
    expect(() => memoryLocalAnswer('## PLAN REQUEST\nBreak the goal into steps.', 'goal')).toThrow('the memory model has no answer for this prompt: ## PLAN REQUEST');
  });
});
