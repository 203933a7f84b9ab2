import type { JsonObject } from '../model/json-value';

export type JsonExtraction = { object: JsonObject } | { problem: string };

const FENCED_BLOCK = /```(?:json)?[^\n`]*\n([\s\S]*?)```/i;
/** Each candidate costs a scan of the text; prose with stray braces rarely has more than a few. */
const MAX_BRACE_CANDIDATES = 5;

/**
 * The JSON object in a model's answer: the whole text, else a ```json fenced block, else the first
 * balanced {...} that parses. Models often wrap the object in prose or fences despite being told not to.
 */
export function extractJsonObject(text: string): JsonExtraction {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { problem: 'the response is empty' };
  let problem = 'no JSON object found in the text';
  const attempt = (candidate: string): JsonObject | undefined => {
    const parsed = parseJson(candidate);
    if ('object' in parsed) return parsed.object;
    problem = parsed.problem;
    return undefined;
  };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const whole = attempt(trimmed);
    if (whole) return { object: whole };
  }
  const fenced = FENCED_BLOCK.exec(text);
  if (fenced) {
    const inFence = attempt(fenced[1].trim());
    if (inFence) return { object: inFence };
  }
  let start = text.indexOf('{');
  for (let candidates = 0; start !== -1 && candidates < MAX_BRACE_CANDIDATES; candidates += 1) {
    const end = matchingBrace(text, start);
    const balanced = end === -1 ? undefined : attempt(text.slice(start, end + 1));
    if (balanced) return { object: balanced };
    start = text.indexOf('{', start + 1);
  }
  return { problem };
}

function parseJson(candidate: string): JsonExtraction {
  let value: unknown;
  try {
    value = JSON.parse(candidate);
  } catch (error) {
    return { problem: `invalid JSON (${(error as Error).message})` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { object: value as JsonObject };
  return { problem: `the JSON is ${Array.isArray(value) ? 'a list' : typeof value}, not an object` };
}

/** Index of the brace closing the one at `start`, skipping braces inside JSON strings; -1 if none. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
