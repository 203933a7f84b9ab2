import { INTENT_KEYWORDS, INTENT_PATTERNS } from './intent-signals';
import { toMatchableText } from './text';

export const INTENTS = ['create_agent', 'run_agent', 'query_memory', 'modify_agent', 'system_command', 'general_chat'] as const;
export type Intent = (typeof INTENTS)[number];

/** The handler each intent is routed to (spec §3.2). */
export const INTENT_HANDLERS = {
  create_agent: 'builder',
  run_agent: 'executor',
  query_memory: 'memory_query',
  modify_agent: 'agent_modifier',
  system_command: 'system_command',
  general_chat: 'chat',
} as const satisfies Record<Intent, string>;
export type Handler = (typeof INTENT_HANDLERS)[Intent];

/**
 * Ties go to the intent whose handler does the least that cannot be taken back: answering,
 * then reading memory, creating, changing, running an agent, and last operating the system.
 */
export const TIE_BREAK_ORDER: readonly Intent[] = ['general_chat', 'query_memory', 'create_agent', 'modify_agent', 'run_agent', 'system_command'];

const KEYWORD_WEIGHT = 1;
/** A phrase pattern (a verb aimed at an agent, a slash command) is stronger evidence than one word. */
const PATTERN_WEIGHT = 2;
/** Discounts thin evidence: one bare keyword alone gives confidence 2/3, one pattern 3/4. */
const EVIDENCE_PRIOR = 2;

export interface IntentClassification {
  intent: Intent;
  handler: Handler;
  /** In [0.5, 1): 0.5 is no discriminating evidence (no signal, or a tie). */
  confidence: number;
  /** Every intent's signal weight: 1 per distinct keyword, 2 per pattern matched. */
  scores: Record<Intent, number>;
}

function signalWeight(text: string, intent: Intent, keywordHits: number): number {
  let weight = KEYWORD_WEIGHT * keywordHits;
  for (const pattern of INTENT_PATTERNS[intent]) if (pattern.test(text)) weight += PATTERN_WEIGHT;
  return weight;
}

/**
 * confidence = 0.5 + 0.5 * (best - runnerUp) / (best + EVIDENCE_PRIOR)
 * The margin over the runner-up is what counts, discounted while the evidence is thin; so the value
 * rises towards 1 as unopposed signals add up (1 keyword 0.667, 1 pattern 0.75, pattern + keyword 0.8).
 */
const confidenceOf = (best: number, runnerUp: number) => Math.round((0.5 + (0.5 * (best - runnerUp)) / (best + EVIDENCE_PRIOR)) * 1000) / 1000;

/** Scores every intent by keyword and regex signals and picks the highest; no signal at all is general chat. */
export function classifyIntent(input: string): IntentClassification {
  const text = toMatchableText(input);
  const keywordHits = INTENT_KEYWORDS.count(text);
  const scores = {} as Record<Intent, number>;
  let intent: Intent = TIE_BREAK_ORDER[0];
  let best = -1;
  let runnerUp = 0;
  for (const candidate of TIE_BREAK_ORDER) {
    const score = signalWeight(text, candidate, keywordHits[candidate]);
    scores[candidate] = score;
    if (score > best) {
      runnerUp = Math.max(best, 0);
      best = score;
      intent = candidate;
    } else if (score > runnerUp) {
      runnerUp = score;
    }
  }
  return { intent, handler: INTENT_HANDLERS[intent], confidence: confidenceOf(best, runnerUp), scores };
}
