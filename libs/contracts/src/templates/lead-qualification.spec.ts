import { validateText } from '../validation/compile-contract';
import { LEAD_QUALIFICATION } from './lead-qualification';

describe('lead_qualification template', () => {
  it('given its examples, when read, then the four BANT examples add up to the overall score example', () => {
    const [budget, authority, need, timeline, score] = LEAD_QUALIFICATION.deliverables.map((deliverable) => deliverable.example as number);
    expect(budget + authority + need + timeline).toBe(score);
  });

  it('given a BANT score above 25 and an unknown temperature, when validated, then both are caught', () => {
    const answer = '{"budget_score": 30, "authority_score": 10, "need_score": 20, "timeline_score": 10, "score": 70, "qualification": "lukewarm", "recommendation": "Call", "next_steps": ["Call"]}';
    expect(validateText(answer, LEAD_QUALIFICATION).errors.map((error) => error.message)).toEqual([
      'budget_score must be <= 25, got 30',
      'qualification must be one of [hot, warm, cold, disqualified], got "lukewarm"',
    ]);
  });
});
