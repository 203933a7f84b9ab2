import { ACTI_TEMPLATES, type Contract, type JsonObject, compileContract } from '@sigil/contracts';
import { pathToFileURL } from 'node:url';
import { percentile, table } from './percentiles';

/**
 * The contracts service validates every run's output: the target is well under 0.2 ms p99 for a
 * 10-deliverable contract. Each case is timed per call, from a parsed object and from LLM-like text.
 */
const WARM_UP_CALLS = 5_000;
const MEASURED_CALLS = 50_000;

export interface BenchResult {
  name: string;
  p50Ms: number;
  p99Ms: number;
  opsPerSecond: number;
}

/** lead_qualification (9 deliverables) plus a contact dict with a patterned email: 10 in all. */
const BENCH_CONTRACT: Contract = {
  ...ACTI_TEMPLATES.lead_qualification,
  name: 'bench_lead_qualification',
  deliverables: [
    ...ACTI_TEMPLATES.lead_qualification.deliverables,
    {
      name: 'contact',
      type: 'dict',
      description: 'Who to follow up with',
      required: true,
      validationRules: [],
      properties: [
        { name: 'name', type: 'str', description: 'Full name', required: true, validationRules: [{ rule: 'not_empty' }] },
        { name: 'email', type: 'str', description: 'Email', required: true, validationRules: [{ rule: 'pattern', value: '^[^@\\s]+@[^@\\s]+$' }] },
      ],
    },
  ],
};

const VALID_OUTPUT: JsonObject = {
  budget_score: 20,
  authority_score: 15,
  need_score: 25,
  timeline_score: 15,
  score: 75,
  qualification: 'warm',
  recommendation: 'Schedule demo',
  next_steps: ['Send pricing sheet', 'Book a 30-minute demo with the VP of Sales'],
  analysis: 'Strong budget, needs timeline clarity',
  contact: { name: 'Dana Ruiz', email: 'dana@example.com' },
};

/** A typical bad answer: a number as text, an out-of-range score, an unknown enum value, a missing field. */
const INVALID_OUTPUT: JsonObject = {
  ...VALID_OUTPUT,
  budget_score: '20',
  score: 140,
  qualification: 'lukewarm',
  next_steps: ['Send pricing sheet', ''],
  contact: { name: 'Dana Ruiz', email: 'not an email' },
  recommendation: null,
};

const asLlmText = (output: JsonObject) => `Here is my assessment of the lead:\n\n\`\`\`json\n${JSON.stringify(output, null, 2)}\n\`\`\`\n\nLet me know if you need more detail.`;

function time(name: string, call: () => unknown): BenchResult {
  for (let index = 0; index < WARM_UP_CALLS; index += 1) call();
  const samples = new Array<number>(MEASURED_CALLS);
  for (let index = 0; index < MEASURED_CALLS; index += 1) {
    const start = process.hrtime.bigint();
    call();
    samples[index] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const totalMs = samples.reduce((sum, sample) => sum + sample, 0);
  return { name, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), opsPerSecond: Math.round(MEASURED_CALLS / (totalMs / 1000)) };
}

export async function benchContractValidation(): Promise<BenchResult[]> {
  const validator = compileContract(BENCH_CONTRACT);
  const validText = asLlmText(VALID_OUTPUT);
  const invalidText = asLlmText(INVALID_OUTPUT);
  // A case that does not validate as expected would time the wrong path.
  if (!validator.validate(VALID_OUTPUT).isValid || !validator.validateText(validText).isValid) throw new Error('the valid bench output does not validate');
  if (validator.validate(INVALID_OUTPUT).errors.length !== 6) throw new Error('the invalid bench output should have 6 errors');
  return [
    time('validate: valid output, object', () => validator.validate(VALID_OUTPUT)),
    time('validate: invalid output (6 errors), object', () => validator.validate(INVALID_OUTPUT)),
    time('validate: valid output, LLM text (fenced JSON)', () => validator.validateText(validText)),
    time('validate: invalid output (6 errors), LLM text', () => validator.validateText(invalidText)),
    time('compile: the contract (once per contract version)', () => compileContract(BENCH_CONTRACT)),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchContractValidation();
  process.stdout.write(`contract validation: ${BENCH_CONTRACT.deliverables.length} deliverables, ${MEASURED_CALLS} calls per case after ${WARM_UP_CALLS} warm-up calls, Node ${process.version}\n`);
  process.stdout.write(
    `${table(
      ['case', 'p50 ms', 'p99 ms', 'ops/s', 'p99 < 0.2 ms'],
      results.map((result) => [
        result.name,
        result.p50Ms.toFixed(4),
        result.p99Ms.toFixed(4),
        result.opsPerSecond,
        !result.name.startsWith('validate') ? 'n/a' : result.p99Ms < 0.2 ? 'yes' : 'NO',
      ]),
    )}\n`,
  );
}
