import { templateOutput } from '../strategies/default-output';
import { validate } from '../validation/compile-contract';
import { MARKET_ANALYSIS } from './market-analysis';

describe('market_analysis template', () => {
  it('given a SWOT without threats and a share above 100, when validated, then both nested paths are named', () => {
    const output = {
      ...templateOutput(MARKET_ANALYSIS),
      swot: { strengths: ['Partners'], weaknesses: [], opportunities: ['AI'] },
      competitors: [{ name: 'Acme', market_share_percent: 120 }],
    };
    expect(validate(output, MARKET_ANALYSIS).errors.map((error) => error.message)).toEqual([
      'competitors[0].market_share_percent must be <= 100, got 120',
      'swot.threats is required but missing',
    ]);
  });

  it('given a market size as an int, when validated, then it is accepted as float', () => {
    expect(validate({ ...templateOutput(MARKET_ANALYSIS), market_size_usd: 5000000 }, MARKET_ANALYSIS).isValid).toBe(true);
  });
});
