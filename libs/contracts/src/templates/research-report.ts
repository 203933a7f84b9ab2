import type { Contract } from '../model/contract';

const UNIT_INTERVAL = [
  { rule: 'min', value: 0 },
  { rule: 'max', value: 1 },
] as const;

/** RTI stratum: a structured report of findings, each tied to evidence and a confidence. */
export const RESEARCH_REPORT: Contract = {
  name: 'research_report',
  description: 'Research a topic and report findings with evidence, sources and confidence',
  version: '1.0.0',
  deliverables: [
    {
      name: 'title',
      type: 'str',
      description: 'Report title',
      required: true,
      validationRules: [{ rule: 'not_empty' }, { rule: 'max_length', value: 200 }],
      example: 'Mid-market CRM adoption in 2026',
    },
    {
      name: 'executive_summary',
      type: 'str',
      description: 'Summary of the answer in a few sentences',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 50 },
        { rule: 'max_length', value: 2000 },
      ],
      example: 'Mid-market firms are consolidating CRM tools; most buyers now expect built-in AI assistants and usage-based pricing.',
    },
    {
      name: 'findings',
      type: 'list',
      description: 'Key findings, each with its evidence and confidence',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 1 },
        {
          rule: 'items',
          value: {
            type: 'dict',
            validationRules: [],
            properties: [
              { name: 'claim', type: 'str', description: 'What was found', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'evidence', type: 'str', description: 'What supports it', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'confidence', type: 'float', description: 'Confidence from 0 to 1', required: true, validationRules: [...UNIT_INTERVAL] },
            ],
          },
        },
      ],
      example: [{ claim: 'Buyers consolidate tools', evidence: '3 of 4 surveyed firms cut CRM vendors in 2025', confidence: 0.8 }],
    },
    {
      name: 'sources',
      type: 'list',
      description: 'Sources consulted',
      required: true,
      validationRules: [
        {
          rule: 'items',
          value: {
            type: 'dict',
            validationRules: [],
            properties: [
              { name: 'title', type: 'str', description: 'Source title', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'url', type: 'str', description: 'Source URL', required: false, validationRules: [{ rule: 'pattern', value: '^https?://\\S+$' }] },
            ],
          },
        },
      ],
      example: [{ title: 'CRM Buyer Survey 2025', url: 'https://example.com/crm-survey' }],
    },
    {
      name: 'confidence',
      type: 'float',
      description: 'Overall confidence in the conclusions from 0 to 1',
      required: true,
      validationRules: [...UNIT_INTERVAL],
      example: 0.75,
    },
    {
      name: 'methodology',
      type: 'str',
      description: 'How the research was done',
      required: false,
      validationRules: [{ rule: 'max_length', value: 1000 }],
      example: 'Desk research over analyst reports and vendor filings',
    },
    {
      name: 'limitations',
      type: 'list',
      description: 'What the report could not establish',
      required: false,
      validationRules: [{ rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } }],
      example: ['No data from APAC buyers'],
    },
    {
      name: 'recommendations',
      type: 'list',
      description: 'Actions the findings suggest',
      required: false,
      validationRules: [{ rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } }],
      example: ['Bundle the AI assistant into the standard tier'],
    },
  ],
  constraints: { maxTotalTokens: 16_000, maxToolCalls: 20, timeoutSeconds: 300, warnThreshold: 0.8 },
  // A report with some findings is still useful; the missing parts are listed for the reader.
  failureStrategy: 'partial',
  maxRetries: 2,
  metadata: { stratum: 'RTI' },
};
