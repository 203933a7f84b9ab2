import type { Intent } from './intent';
import { KeywordMatcher } from './keywords';

const AGENT = String.raw`(?:agent|bot|assistant|copilot)s?\b`;
/** Up to n words between a verb and what it acts on ("run my weekly lead agent"). */
const WORDS_BETWEEN = (n: number) => String.raw`(?:\W+\w+){0,${n}}?\W+`;
/**
 * The same, but none of the words may be definite: creating is about a new agent ("build me a
 * sales agent"), while "make the agent more polite" changes an existing one.
 */
const INDEFINITE_WORDS_BETWEEN = (n: number) => String.raw`(?:\W+(?!(?:the|my|our|your|this|that|its|his|her|their)\b)\w+){0,${n}}?\W+`;
const pattern = (source: string) => new RegExp(source);

/** The keywords that speak for each intent (spec §3.2: keyword + regex matching). */
export const INTENT_KEYWORDS = new KeywordMatcher<Intent>({
  create_agent: ['new agent', 'new bot', 'new assistant', 'agent builder', 'from scratch', 'scaffold', 'blueprint'],
  run_agent: ['run', 'execute', 'invoke', 'trigger', 'launch', 'kick off', 'carry out', 'on my behalf'],
  query_memory: ['remember', 'recall', 'memory', 'memories', 'previously', 'earlier', 'history', 'remind me', 'forgot', 'you said', 'i said', 'we said', 'i told you', 'we discussed'],
  modify_agent: ['modify', 'reconfigure', 'retrain', 'fine-tune', 'system prompt', 'rename', 'behaviour', 'behavior'],
  system_command: ['status', 'health', 'shutdown', 'restart', 'reboot', 'config', 'configuration', 'settings', 'uptime', 'diagnostics', 'logs', 'feature flag'],
  general_chat: ['hello', 'hi', 'hey', 'thanks', 'thank you', 'explain', 'what is', 'who is', 'why', 'joke', 'opinion', 'chat'],
});

/**
 * The phrase patterns that speak for each intent, matched against toMatchableText's lower-case
 * form; never global, so test() keeps no state between calls.
 */
export const INTENT_PATTERNS: Readonly<Record<Intent, readonly RegExp[]>> = {
  create_agent: [
    pattern(String.raw`\b(?:create|build|make|design|set\s?up|spin\s?up|generate|develop|craft)${INDEFINITE_WORDS_BETWEEN(5)}${AGENT}`),
    pattern(String.raw`\b(?:i|we)\s+(?:need|want|would\s+like)\s+(?:a|an|another)${INDEFINITE_WORDS_BETWEEN(3)}${AGENT}`),
  ],
  run_agent: [
    pattern(String.raw`\b(?:run|execute|start|invoke|launch|trigger|use|call|activate|deploy)${WORDS_BETWEEN(4)}${AGENT}`),
    pattern(String.raw`\b(?:run|execute|process)\s+(?:it|this|these|that|those|the\s+following)\b`),
  ],
  query_memory: [
    pattern(String.raw`\bwhat\s+(?:did|have|had)\s+(?:i|we|you)\s+(?:\w+\s+){0,2}?(?:say|said|tell|told|discuss|discussed|decide|decided|agree|agreed|mention|mentioned|ask|asked)\b`),
    pattern(String.raw`\bdo\s+you\s+(?:remember|recall|know\s+what)\b`),
    pattern(String.raw`\b(?:last|previous|earlier)\s+(?:time|conversation|session|chat|meeting|call)\b`),
  ],
  modify_agent: [
    pattern(String.raw`\b(?:modify|update|change|edit|improve|tweak|adjust|tune|rename|fix|reconfigure|retrain|upgrade)${WORDS_BETWEEN(4)}${AGENT}`),
    pattern(String.raw`\b(?:make|let)\s+(?:the|my|our|your|this|that)\s+(?:\w+\s+){0,2}?(?:agent|bot|assistant)s?\s+(?:more|less|be|stop|always|never|sound|use|respond|answer)\b`),
    pattern(String.raw`\b(?:its|(?:agent|bot|assistant)'?s)\s+(?:prompt|instructions|behaviou?r|tone|persona|name|tools|model)\b`),
  ],
  system_command: [
    pattern(String.raw`^\s*\/[a-z][\w-]*`),
    pattern(String.raw`\b(?:system|service|server|platform|router)\s+(?:status|health|config(?:uration)?|settings|version|logs|metrics)\b`),
    pattern(String.raw`\b(?:restart|reboot|reload|shut\s?down|stop)\s+(?:the\s+)?(?:system|server|service|router|platform|sigil)\b`),
    pattern(String.raw`\b(?:clear|flush|purge)\s+(?:the\s+)?(?:cache|logs|queue)\b`),
  ],
  general_chat: [
    pattern(String.raw`^\s*(?:hi|hello|hey|howdy|hiya|greetings|good\s+(?:morning|afternoon|evening))\b`),
    pattern(String.raw`\b(?:how\s+are\s+you|what'?s\s+up|nice\s+to\s+meet\s+you|tell\s+me\s+a\s+joke)\b`),
  ],
};
