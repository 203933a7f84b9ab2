import type { PlanError, PlanStep } from './plan';

type DagResult = { ok: true; order: string[] } | { ok: false; error: PlanError };

/**
 * Kahn's algorithm: repeatedly take the steps nothing unfinished points at. Steps left over are on
 * or behind a cycle; the cycle itself is then found and named, so the error says which steps loop.
 */
export function validateDag(steps: readonly PlanStep[]): DagResult {
  const ids = new Set(steps.map((step) => step.id));
  for (const step of steps) {
    const unknown = step.dependsOn.find((dependency) => !ids.has(dependency));
    if (unknown !== undefined) return { ok: false, error: { code: 'PLAN_002', message: `step '${step.id}' depends on '${unknown}', which is not in the plan` } };
  }
  const inDegree = new Map(steps.map((step) => [step.id, new Set(step.dependsOn).size]));
  const dependents = new Map<string, string[]>(steps.map((step) => [step.id, []]));
  for (const step of steps) for (const dependency of new Set(step.dependsOn)) dependents.get(dependency)?.push(step.id);

  const ready = steps.filter((step) => inDegree.get(step.id) === 0).map((step) => step.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const remaining = (inDegree.get(dependent) ?? 0) - 1;
      inDegree.set(dependent, remaining);
      if (remaining === 0) ready.push(dependent);
    }
  }
  if (order.length === steps.length) return { ok: true, order };
  const cycle = findCycle(steps.filter((step) => !order.includes(step.id)));
  return { ok: false, error: { code: 'PLAN_001', message: `cyclic dependency: ${cycle.join(' → ')}`, cycle } };
}

/** A cycle among steps every one of which is on or behind one: follow dependencies until a step repeats. */
function findCycle(steps: readonly PlanStep[]): string[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const path: string[] = [];
  let current: PlanStep | undefined = steps[0];
  while (current && !path.includes(current.id)) {
    path.push(current.id);
    current = current.dependsOn.map((id) => byId.get(id)).find((step): step is PlanStep => step !== undefined);
  }
  if (!current) return path;
  // The path runs against the dependency arrows; reverse it so the cycle reads in execution order,
  // starting from the cycle's step that comes first in the plan.
  const loop = path.slice(path.indexOf(current.id)).reverse();
  const planIndex = (id: string) => steps.findIndex((step) => step.id === id);
  const start = loop.reduce((best, id, index) => (planIndex(id) < planIndex(loop[best]) ? index : best), 0);
  const rotated = [...loop.slice(start), ...loop.slice(0, start)];
  return [...rotated, rotated[0]];
}

/** The steps whose dependencies are all done, in plan order: what can be dispatched now. */
export function readySteps(steps: readonly PlanStep[], done: ReadonlySet<string>, started: ReadonlySet<string>): PlanStep[] {
  return steps.filter((step) => !started.has(step.id) && step.dependsOn.every((dependency) => done.has(dependency)));
}

/** The longest chain of dependent steps, counted in steps: the least number of rounds the plan needs. */
export function criticalPathLength(steps: readonly PlanStep[]): number {
  const check = validateDag(steps);
  if (!check.ok) return 0;
  const byId = new Map(steps.map((step) => [step.id, step]));
  const depth = new Map<string, number>();
  for (const id of check.order) {
    const step = byId.get(id) as PlanStep;
    depth.set(id, 1 + Math.max(0, ...step.dependsOn.map((dependency) => depth.get(dependency) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}
