import type { Contract } from '../model/contract';
import { APPOINTMENT_BOOKING } from './appointment-booking';
import { COMPLIANCE_CHECK } from './compliance-check';
import { LEAD_QUALIFICATION } from './lead-qualification';
import { MARKET_ANALYSIS } from './market-analysis';
import { RESEARCH_REPORT } from './research-report';

export const TEMPLATE_NAMES = ['lead_qualification', 'research_report', 'appointment_booking', 'market_analysis', 'compliance_check'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The five ACTi templates, frozen: templates are read-only (CV-006), copy one to change it. */
export const ACTI_TEMPLATES: Readonly<Record<TemplateName, Contract>> = deepFreeze({
  lead_qualification: LEAD_QUALIFICATION,
  research_report: RESEARCH_REPORT,
  appointment_booking: APPOINTMENT_BOOKING,
  market_analysis: MARKET_ANALYSIS,
  compliance_check: COMPLIANCE_CHECK,
});

export function isTemplate(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function getTemplate(name: string): Contract | undefined {
  return isTemplate(name) ? ACTI_TEMPLATES[name] : undefined;
}
