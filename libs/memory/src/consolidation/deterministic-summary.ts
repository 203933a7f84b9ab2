import { sameFactKey } from '../extraction/extracted-fact';
import type { ConsolidationItem } from './consolidation-prompt';
import { MAX_SUMMARY_CHARS } from './read-summary';

/** One bullet shows a fact, not a document. */
const MAX_BULLET_CHARS = 500;
/** Room kept for the closing "… and N more facts" bullet. */
const CLOSING_ROOM = 100;

interface SummarisedFact {
  text: string;
  confidence: number;
  items: number;
}

/** `user_preferences` → "User preferences": the category's name as a heading. */
export function categoryTitle(category: string): string {
  const words = category.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const bulletText = (content: string) => {
  const text = content.replace(/\s+/g, ' ').trim();
  return [...text].length > MAX_BULLET_CHARS ? `${[...text].slice(0, MAX_BULLET_CHARS - 1).join('')}…` : text;
};

/** Items stating the same fact become one fact: the first wording, the highest confidence, how many items state it. */
function factsOf(items: ConsolidationItem[]): SummarisedFact[] {
  const byKey = new Map<string, SummarisedFact>();
  for (const item of items) {
    const key = sameFactKey(item.content);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, confidence: Math.max(seen.confidence, item.confidence), items: seen.items + 1 } : { text: bulletText(item.content), confidence: item.confidence, items: 1 });
  }
  // Stable sort: among equals the first stated comes first.
  return [...byKey.values()].sort((a, b) => b.confidence - a.confidence || b.items - a.items);
}

/**
 * The local model's summary: `# <Category title>`, then a bullet per distinct fact, most confident
 * first, each saying how many items state it; within 20,000 characters (the rest counted, not shown).
 */
export function deterministicSummary(category: string, items: ConsolidationItem[]): string {
  const lines = [`# ${categoryTitle(category)}`, ''];
  const facts = factsOf(items);
  if (facts.length === 0) return [...lines, 'No facts recorded.'].join('\n');
  let length = lines.join('\n').length;
  for (const [index, fact] of facts.entries()) {
    const bullet = `- ${fact.text} (${fact.items} ${fact.items === 1 ? 'item' : 'items'})`;
    if (length + bullet.length + 1 > MAX_SUMMARY_CHARS - CLOSING_ROOM) {
      lines.push(`- … and ${facts.length - index} more facts`);
      break;
    }
    lines.push(bullet);
    length += bullet.length + 1;
  }
  return lines.join('\n');
}
