/**
 * A simple run's messages as the platform sends them (ARCHITECTURE.md, "A run, end to end"), with
 * the same streams per context, the same consumers per service and the same fan-out, but no work
 * behind any hop: what the bus alone costs a run on this machine.
 */
export const FLOOR_STREAMS: Readonly<Record<string, readonly string[]>> = {
  FLOOR_RUN: ['floor.run.requested', 'floor.run.completed'],
  FLOOR_ROUTING: ['floor.routing.decided'],
  FLOOR_MEMORY: ['floor.memory.recalled', 'floor.memory.resource_stored'],
  FLOOR_REASONING: ['floor.reasoning.step_requested', 'floor.reasoning.step_completed'],
};

export const FLOOR_REQUESTED = 'floor.run.requested';
export const FLOOR_COMPLETED = 'floor.run.completed';

export interface FloorConsumer {
  service: string;
  durableName: string;
  stream: string;
  /** The one subject it takes; absent: the whole stream (the event-store). */
  subject?: string;
  /** What it publishes once per run, after the pub-ack of which it acknowledges what it took. */
  emits?: string;
  /** Consumers sharing a join emit once, when all of them have seen the run (the planner gathering a run's facts). */
  join?: string;
}

const gathered = 'gathered';

const take = (service: string, subject: string, emits?: string, join?: string): FloorConsumer => ({
  service,
  durableName: `${service}__${subject.replaceAll('.', '_')}`,
  stream: streamOf(subject),
  subject,
  ...(emits ? { emits } : {}),
  ...(join ? { join } : {}),
});

export const FLOOR_CONSUMERS: readonly FloorConsumer[] = [
  take('router', 'floor.run.requested', 'floor.routing.decided'),
  take('memory', 'floor.run.requested', 'floor.memory.recalled'),
  take('planner', 'floor.run.requested', 'floor.reasoning.step_requested', gathered),
  take('planner', 'floor.routing.decided', 'floor.reasoning.step_requested', gathered),
  take('planner', 'floor.memory.recalled', 'floor.reasoning.step_requested', gathered),
  // Contracts acknowledge a route that turns contracts off (ADR 0008).
  take('contracts', 'floor.routing.decided'),
  take('reasoning', 'floor.reasoning.step_requested', 'floor.reasoning.step_completed'),
  take('planner', 'floor.reasoning.step_completed', 'floor.run.completed'),
  // The gateway meters a finished run's tokens; the waiting request hears the end on plain NATS.
  take('gateway', 'floor.run.completed'),
  take('memory', 'floor.run.completed', 'floor.memory.resource_stored'),
  take('memory', 'floor.memory.resource_stored'),
  ...Object.keys(FLOOR_STREAMS).map((stream) => ({ service: 'event-store', durableName: `event-store__${stream}`, stream })),
];

export function streamOf(subject: string): string {
  const stream = Object.keys(FLOOR_STREAMS).find((name) => FLOOR_STREAMS[name].includes(subject));
  if (!stream) throw new Error(`no floor stream holds ${subject}`);
  return stream;
}

export const floorServices = (): string[] => [...new Set(FLOOR_CONSUMERS.map((consumer) => consumer.service))];

/** How many consumers of a join must see a run before it emits. */
export const joinSize = (join: string): number => FLOOR_CONSUMERS.filter((consumer) => consumer.join === join).length;
