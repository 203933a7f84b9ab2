export const INTENTS = ['create_agent', 'run_agent', 'query_memory', 'modify_agent', 'system_command', 'general_chat'] as const;
export type Intent = (typeof INTENTS)[number];

/** The handler each intent is routed to (spec §3.2). */
export const INTENT_HANDLERS: Record<Intent, string> = {
  create_agent: 'builder',
  run_agent: 'executor',
  query_memory: 'memory_query',
  modify_agent: 'agent_modifier',
  system_command: 'system_command',
  general_chat: 'chat',
};

const INTENT_PATTERNS: [Intent, RegExp[]][] = [
  ['create_agent', [/\b(create|build|make|new)\b.*\bagent\b/i]],
  ['modify_agent', [/\b(modify|update|change|edit|improve)\b.*\bagent\b/i]],
  ['run_agent', [/\b(run|execute|start|invoke)\b.*\bagent\b/i]],
  ['query_memory', [/\b(remember|recall|memory|what did (i|we)|previously)\b/i]],
  ['system_command', [/^\s*\/\w+/, /\b(status|health|shutdown|restart|config)\b/i]],
];

export interface IntentClassification {
  intent: Intent;
  handler: string;
  confidence: number;
}

/** Keyword and regex classification; with no match the input is general chat at low confidence. */
export function classifyIntent(input: string): IntentClassification {
  for (const [intent, patterns] of INTENT_PATTERNS) {
    const hits = patterns.filter((pattern) => pattern.test(input)).length;
    if (hits > 0) return { intent, handler: INTENT_HANDLERS[intent], confidence: Math.min(0.6 + 0.2 * hits, 1) };
  }
  return { intent: 'general_chat', handler: INTENT_HANDLERS.general_chat, confidence: 0.5 };
}
