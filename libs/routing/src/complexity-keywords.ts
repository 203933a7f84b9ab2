import { KeywordMatcher } from './keywords';

/** Words that mean the work needs tools: search, data access, messaging, files (spec §3.2: 20+). */
export const TOOL_KEYWORDS = [
  'search', 'browse', 'fetch', 'download', 'calculate', 'api', 'database', 'query', 'email', 'schedule',
  'calendar', 'file', 'upload', 'scrape', 'crm', 'webhook', 'spreadsheet', 'call', 'book', 'send',
  'look up', 'sql', 'export', 'sms', 'pdf', 'csv', 'crawl',
] as const;

/** Words that mean specialised domain knowledge: finance, law, medicine, sales (spec §3.2: 30+). */
export const DOMAIN_KEYWORDS = [
  'compliance', 'legal', 'financial', 'revenue', 'market', 'medical', 'regulation', 'audit', 'contract', 'lead',
  'qualification', 'budget', 'investment', 'tax', 'risk', 'security', 'gdpr', 'hipaa', 'pricing', 'forecast',
  'strategy', 'portfolio', 'insurance', 'clinical', 'patent', 'merger', 'valuation', 'churn', 'pipeline', 'competitor',
  'due diligence', 'cash flow', 'supply chain', 'kyc', 'roi',
] as const;

/** Words that mean weighing options before answering (spec §3.2: 25+). */
export const DECISION_KEYWORDS = [
  'compare', 'evaluate', 'decide', 'choose', 'recommend', 'prioritize', 'prioritise', 'analyze', 'analyse', 'assess',
  'trade-off', 'versus', 'vs', 'pros', 'cons', 'optimize', 'optimise', 'plan', 'should', 'which',
  'best', 'rank', 'weigh', 'justify', 'alternatives', 'options', 'criteria', 'cost-benefit', 'root cause', 'what if',
] as const;

/** Grouped by the complexity factor each kind of keyword feeds. */
export const COMPLEXITY_KEYWORDS = new KeywordMatcher({ toolKeywords: TOOL_KEYWORDS, domainKeywords: DOMAIN_KEYWORDS, decisionKeywords: DECISION_KEYWORDS });
