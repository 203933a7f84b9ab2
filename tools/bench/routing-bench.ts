// A benchmark of domain code has to import it; tooling may not depend on domain libs otherwise.
import { assessComplexity, classifyIntent, decideRoute, type FeatureFlags } from '@sigil/routing';
import { pathToFileURL } from 'node:url';
import { percentile, table } from './percentiles';

/**
 * The router's per-call cost: intent classification, complexity assessment and the full decision,
 * each timed call by call over a mixed corpus, after a warm-up so that the JIT has compiled them.
 */
const WARM_UP_CALLS = 5_000;
const MEASURED_CALLS = Number(process.env.BENCH_CALLS ?? 50_000);
const TARGET_P99_MS = 0.2;
const FLAGS: FeatureFlags = { useRouting: true, usePlanning: true, useMemory: true, useContracts: true, useEvolution: true };

const longRequest = [
  'We are preparing the quarterly board pack and need a thorough comparison of our three CRM vendors.',
  'For each vendor, search their public pricing pages and API documentation, fetch the latest SOC 2 and GDPR statements,',
  'and download any published security whitepapers. Evaluate the total cost of ownership over three years, including',
  'migration, training and the integration work with our billing database and the email scheduling tool.',
  'Assess the compliance and legal risk of moving customer data between regions, the impact on revenue forecasting,',
  'and on the sales pipeline during the switch. Then rank the options, weigh the trade-offs, and recommend which one',
  'we should choose, with a short justification for the finance and security teams.',
].join(' ');

/** Short, long and keyword-heavy inputs across every intent, as runs arrive. */
const CORPUS = [
  'hello',
  'Hello! How are you?',
  'What is a message bus?',
  'thanks, that helps',
  'please create a sales agent',
  'Build me a lead qualification agent for our SaaS pipeline that books meetings in the calendar',
  'run the research agent on these companies',
  'execute this',
  'what did we discuss last time about the budget?',
  'do you remember my pricing preferences?',
  "update the agent's system prompt so it sounds friendlier",
  'make the agent more polite',
  '/status',
  'restart the router',
  'Compare the financial risk and compliance cost of three CRM vendors, search their pricing APIs, and recommend which we should choose',
  'search fetch download upload scrape crm api database compliance audit risk gdpr hipaa compare evaluate decide rank weigh trade-off',
  'ＣＲＥＡＴＥ an ａｇｅｎｔ ¿por favor? 🤖 für die Buchhaltung',
  longRequest,
  `${longRequest} ${longRequest} ${longRequest}`,
  `create a new agent ${'and tell me more about the market '.repeat(120)}`,
];

export interface BenchResult {
  name: string;
  p50Ms: number;
  p99Ms: number;
  opsPerSecond: number;
}

/** Keeps results observable so that no call can be optimised away. */
let sink = 0;

function measure(name: string, call: (input: string) => number): BenchResult {
  for (let index = 0; index < WARM_UP_CALLS; index++) sink += call(CORPUS[index % CORPUS.length]);
  const samples = new Array<number>(MEASURED_CALLS);
  let totalNs = 0n;
  for (let index = 0; index < MEASURED_CALLS; index++) {
    const input = CORPUS[index % CORPUS.length];
    const started = process.hrtime.bigint();
    sink += call(input);
    const elapsed = process.hrtime.bigint() - started;
    totalNs += elapsed;
    samples[index] = Number(elapsed) / 1e6;
  }
  // Throughput of the timed work itself: calls over the sum of their times, without the timer's own cost.
  return { name, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), opsPerSecond: Math.round(MEASURED_CALLS / (Number(totalNs) / 1e9)) };
}

export async function benchRouting(): Promise<BenchResult[]> {
  const results = [
    measure('classifyIntent', (input) => classifyIntent(input).confidence),
    measure('assessComplexity', (input) => assessComplexity(input).score),
    measure('decideRoute', (input) => decideRoute(input, 'RTI', FLAGS).reasons.length),
  ];
  if (!Number.isFinite(sink)) throw new Error('benchmark results were not numbers');
  return results;
}

async function main(): Promise<void> {
  const results = await benchRouting();
  process.stdout.write(`routing benchmark: ${MEASURED_CALLS} calls each over ${CORPUS.length} inputs (${WARM_UP_CALLS} warm-up), Node ${process.version}\n`);
  process.stdout.write(
    `${table(
      ['measure', 'p50 ms', 'p99 ms', 'ops/s', 'target p99', 'met'],
      results.map(({ name, p50Ms, p99Ms, opsPerSecond }) => [name, p50Ms.toFixed(4), p99Ms.toFixed(4), opsPerSecond, `< ${TARGET_P99_MS} ms`, p99Ms < TARGET_P99_MS ? 'yes' : 'NO']),
    )}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
