import type { Contract, Deliverable } from '../model/contract';

/** A list of short statements, at least `minCount` of them. */
const points = (name: string, description: string, example: string[], minCount = 0): Deliverable => ({
  name,
  type: 'list',
  description,
  required: true,
  validationRules: [
    ...(minCount > 0 ? [{ rule: 'min_length' as const, value: minCount }] : []),
    { rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } },
  ],
  example,
});

/** EEI stratum: a competitive analysis of one market. */
export const MARKET_ANALYSIS: Contract = {
  name: 'market_analysis',
  description: 'Analyse a market: size, growth, competitors, SWOT and trends',
  version: '1.0.0',
  deliverables: [
    { name: 'market', type: 'str', description: 'Market analysed', required: true, validationRules: [{ rule: 'not_empty' }], example: 'Mid-market CRM, North America' },
    { name: 'market_size_usd', type: 'float', description: 'Annual market size in US dollars', required: true, validationRules: [{ rule: 'min', value: 0 }], example: 12_500_000_000 },
    {
      name: 'growth_rate_percent',
      type: 'float',
      description: 'Expected yearly growth in percent',
      required: true,
      validationRules: [
        { rule: 'min', value: -100 },
        { rule: 'max', value: 1000 },
      ],
      example: 11.5,
    },
    {
      name: 'competitors',
      type: 'list',
      description: 'Main competitors',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 1 },
        {
          rule: 'items',
          value: {
            type: 'dict',
            validationRules: [],
            properties: [
              { name: 'name', type: 'str', description: 'Competitor', required: true, validationRules: [{ rule: 'not_empty' }] },
              {
                name: 'market_share_percent',
                type: 'float',
                description: 'Share of the market in percent',
                required: false,
                validationRules: [
                  { rule: 'min', value: 0 },
                  { rule: 'max', value: 100 },
                ],
              },
              { name: 'positioning', type: 'str', description: 'How it competes', required: false, validationRules: [] },
            ],
          },
        },
      ],
      example: [{ name: 'Acme CRM', market_share_percent: 18, positioning: 'Low price, self-serve' }],
    },
    {
      name: 'swot',
      type: 'dict',
      description: 'Strengths, weaknesses, opportunities and threats for us in this market',
      required: true,
      validationRules: [],
      properties: [
        points('strengths', 'Our strengths', ['Strong partner network']),
        points('weaknesses', 'Our weaknesses', ['No mobile app']),
        points('opportunities', 'Openings in the market', ['AI assistants are now expected']),
        points('threats', 'Risks from the market', ['Price war among incumbents']),
      ],
      example: {
        strengths: ['Strong partner network'],
        weaknesses: ['No mobile app'],
        opportunities: ['AI assistants are now expected'],
        threats: ['Price war among incumbents'],
      },
    },
    points('trends', 'Trends shaping the market', ['Usage-based pricing'], 1),
    { name: 'recommendation', type: 'str', description: 'Recommended move', required: true, validationRules: [{ rule: 'not_empty' }], example: 'Enter with a partner-led offer' },
    {
      name: 'confidence',
      type: 'float',
      description: 'Confidence in the analysis from 0 to 1',
      required: true,
      validationRules: [
        { rule: 'min', value: 0 },
        { rule: 'max', value: 1 },
      ],
      example: 0.7,
    },
  ],
  constraints: { maxTotalTokens: 12_000, maxToolCalls: 15, timeoutSeconds: 240, warnThreshold: 0.8 },
  // An analysis with a few defaulted fields is still a useful draft.
  failureStrategy: 'fallback',
  maxRetries: 2,
  metadata: { stratum: 'EEI' },
};
