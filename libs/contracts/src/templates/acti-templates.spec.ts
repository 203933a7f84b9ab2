import { contractToWire } from '../wire/contract-wire';
import { parseContract } from '../wire/parse-contract';
import { ACTI_TEMPLATES, TEMPLATE_NAMES, getTemplate, isTemplate } from './acti-templates';

describe('ACTi templates', () => {
  it('given the registry, when listed, then it holds the five spec templates', () => {
    expect(Object.keys(ACTI_TEMPLATES)).toEqual(['lead_qualification', 'research_report', 'appointment_booking', 'market_analysis', 'compliance_check']);
    expect(TEMPLATE_NAMES.map((name) => ACTI_TEMPLATES[name].name)).toEqual([...TEMPLATE_NAMES]);
  });

  it.each(Object.values(ACTI_TEMPLATES))('given $name, when written to the wire and parsed back, then it is a valid contract equal to itself', (template) => {
    expect(parseContract(JSON.parse(JSON.stringify(contractToWire(template))))).toEqual({ ok: true, contract: template });
  });

  it.each(Object.values(ACTI_TEMPLATES))('given $name, when its deliverables are counted, then there are 5 to 10, each with an example', (template) => {
    expect(template.deliverables.length).toBeGreaterThanOrEqual(5);
    expect(template.deliverables.length).toBeLessThanOrEqual(10);
    expect(template.deliverables.filter((deliverable) => deliverable.example === undefined).map((deliverable) => deliverable.name)).toEqual([]);
  });

  it('given lead_qualification, when read, then it scores the four BANT factors and an overall score', () => {
    expect(ACTI_TEMPLATES.lead_qualification.deliverables.slice(0, 5).map((deliverable) => deliverable.name)).toEqual([
      'budget_score',
      'authority_score',
      'need_score',
      'timeline_score',
      'score',
    ]);
  });

  it('given a template, when someone tries to change it, then it is read-only', () => {
    const template = ACTI_TEMPLATES.compliance_check;
    expect(() => {
      template.deliverables[0].required = false;
    }).toThrow(TypeError);
    expect(() => {
      template.deliverables.push(template.deliverables[0]);
    }).toThrow(TypeError);
  });

  it('given names, when checked, then only the five templates are templates', () => {
    expect(['research_report', 'my_report', 'constructor'].map(isTemplate)).toEqual([true, false, false]);
    expect(getTemplate('market_analysis')).toBe(ACTI_TEMPLATES.market_analysis);
    expect(getTemplate('my_report')).toBeUndefined();
  });
});
