/**
 * How the offline provider answers a contract-aware prompt (the contracts lib's "OUTPUT REQUIREMENTS"
 * block): with the prompt's example output as a fenced JSON block, as a model that follows the
 * example would. On a retry prompt it also supplies each required field the example lacks, with a
 * neutral value of its declared type — the fix a model makes when told "x is required".
 * Nothing here knows the contract: it reads only the prompt, so the validator still judges it.
 */
const REQUIREMENTS = 'OUTPUT REQUIREMENTS:';
const EXAMPLE = /EXAMPLE OUTPUT:\n(\{[\s\S]*?\n\})(?:\n\n|$)/;
const REQUIRED_TOP_LEVEL_FIELD = /^ {2}([A-Za-z][\w]*)\*: (\w+)/gm;
const REJECTED = /YOUR PREVIOUS RESPONSE \(attempt \d+\) WAS REJECTED:/;

const NEUTRAL_VALUES: Record<string, unknown> = { int: 0, float: 0, str: 'unknown', bool: false, list: [], dict: {} };

export function contractShapedAnswer(prompt: string): string | undefined {
  if (!prompt.includes(REQUIREMENTS)) return undefined;
  const example = EXAMPLE.exec(prompt)?.[1];
  const answer: Record<string, unknown> = example ? (JSON.parse(example) as Record<string, unknown>) : {};
  if (REJECTED.test(prompt)) {
    for (const [, field, type] of prompt.matchAll(REQUIRED_TOP_LEVEL_FIELD)) {
      if (!(field in answer)) answer[field] = NEUTRAL_VALUES[type] ?? null;
    }
  }
  return `\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\``;
}
