import { fenceUntrusted, UNTRUSTED_DATA_RULE } from '@sigil/context';
import { fencedIn } from '../prompts/fenced-data';
import type { MemoryPrompt } from '../prompts/memory-prompt';
import { MAX_FACTS_PER_RESOURCE } from './extracted-fact';

export const EXTRACTION_PROMPT_HEADER = '## MEMORY EXTRACTION';

/** The resource whose facts are asked for. */
export interface ResourceToExtract {
  resourceType: string;
  content: string;
  metadata: Record<string, unknown>;
}

const EXTRACTION_OUTPUT_TOKENS = 4_096;

const SYSTEM = [
  EXTRACTION_PROMPT_HEADER,
  'You extract durable facts from a resource (a conversation, document, config or transcript) for long-term memory.',
  'A fact is one self-contained statement worth remembering later: a preference, a profile detail, a goal, a decision, a contact detail or other lasting knowledge. Write each so it stands on its own (say who or what it is about). Leave out questions, greetings, small talk and what is only true for the moment.',
  'category: a short lower-case name with _ between words; use preferences, profile, goals, decisions, contacts or general when one fits.',
  'confidence: 0 to 1, how certain the resource is of the fact (1 stated outright, lower when hedged: "maybe", "I think").',
  `At most ${MAX_FACTS_PER_RESOURCE} facts; no facts is a valid answer.`,
  'Answer with JSON only, in this shape: {"facts": [{"content": "...", "category": "preferences", "confidence": 0.9}]}',
  UNTRUSTED_DATA_RULE,
].join('\n');

/** The prompt asking for a resource's facts (read by `readExtraction`); a retry says why the previous answer was refused. */
export function extractionPrompt(resource: ResourceToExtract, previousProblem?: string): MemoryPrompt {
  const user = [
    `RESOURCE TYPE: ${resource.resourceType}`,
    'METADATA:',
    fenceUntrusted('metadata', JSON.stringify(resource.metadata)),
    'CONTENT:',
    fenceUntrusted('resource', resource.content),
    ...(previousProblem ? [`YOUR PREVIOUS ANSWER WAS REFUSED: ${previousProblem}. Correct it.`] : []),
  ].join('\n');
  return { system: SYSTEM, user, maxOutputTokens: EXTRACTION_OUTPUT_TOKENS };
}

export function isExtractionPrompt(system: string): boolean {
  return system.startsWith(EXTRACTION_PROMPT_HEADER);
}

/** The resource content an extraction prompt asked about ('' if none). */
export function extractionPromptContent(user: string): string {
  return fencedIn(user, 'resource') ?? '';
}
