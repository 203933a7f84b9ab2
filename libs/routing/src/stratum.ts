/** The ACTi strata an agent belongs to (spec §3.5). */
export const STRATA = ['RTI', 'RAI', 'ZACS', 'EEI', 'IGE'] as const;
export type Stratum = (typeof STRATA)[number];

/**
 * RTI (Reality & Truth Intelligence: research and reporting) is what an agent without a known
 * stratum is routed as: it is the least specialised stratum, and what a run without one always got.
 */
export const DEFAULT_STRATUM: Stratum = 'RTI';

export interface StratumResolution {
  stratum: Stratum;
  /** False when the value was missing or unknown and DEFAULT_STRATUM was used instead. */
  recognised: boolean;
}

const isStratum = (value: string): value is Stratum => (STRATA as readonly string[]).includes(value);

/** Never throws: a missing or unknown stratum (they are case-sensitive, as the API validates them) resolves to DEFAULT_STRATUM. */
export function resolveStratum(value: string | undefined): StratumResolution {
  return value !== undefined && isStratum(value) ? { stratum: value, recognised: true } : { stratum: DEFAULT_STRATUM, recognised: false };
}
