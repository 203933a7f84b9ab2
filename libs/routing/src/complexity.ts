export const MAX_LENGTH = 500;
const FACTOR_WEIGHT = 0.25;

const TOOL_KEYWORDS = ['search', 'browse', 'fetch', 'download', 'calculate', 'api', 'database', 'query', 'email', 'schedule', 'calendar', 'file', 'upload', 'scrape', 'crm', 'webhook', 'spreadsheet', 'call', 'book', 'send'];
const DOMAIN_KEYWORDS = ['compliance', 'legal', 'financial', 'revenue', 'market', 'medical', 'regulation', 'audit', 'contract', 'lead', 'qualification', 'budget', 'investment', 'tax', 'risk', 'security', 'gdpr', 'hipaa', 'pricing', 'forecast', 'strategy', 'portfolio', 'insurance', 'clinical', 'patent', 'merger', 'valuation', 'churn', 'pipeline', 'competitor'];
const DECISION_KEYWORDS = ['compare', 'evaluate', 'decide', 'choose', 'recommend', 'prioritize', 'analyze', 'assess', 'trade-off', 'tradeoff', 'versus', 'vs', 'pros', 'cons', 'optimize', 'plan', 'should', 'which', 'best', 'rank', 'weigh', 'justify', 'alternatives', 'options', 'criteria'];

export interface ComplexityAssessment {
  score: number;
  factors: { length: number; toolKeywords: number; domainKeywords: number; decisionKeywords: number };
}

const words = (input: string) => new Set(input.toLowerCase().match(/[a-z][a-z-]*/g) ?? []);
/** Three hits saturate a keyword factor. */
const keywordFactor = (found: Set<string>, keywords: string[]) => Math.min(keywords.filter((k) => found.has(k)).length / 3, 1);
const round = (value: number) => Math.round(value * 1000) / 1000;

/** The 4-factor assessment (spec §3.2): each factor in [0, 1], weighted 0.25. */
export function assessComplexity(input: string): ComplexityAssessment {
  const found = words(input);
  const factors = {
    length: round(Math.min(input.length / MAX_LENGTH, 1)),
    toolKeywords: round(keywordFactor(found, TOOL_KEYWORDS)),
    domainKeywords: round(keywordFactor(found, DOMAIN_KEYWORDS)),
    decisionKeywords: round(keywordFactor(found, DECISION_KEYWORDS)),
  };
  const score = round(FACTOR_WEIGHT * (factors.length + factors.toolKeywords + factors.domainKeywords + factors.decisionKeywords));
  return { score, factors };
}
