import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import type { EventDefinition } from '../definitions/message-definitions';

export const DEAD_LETTER_PREFIX = 'dlq';

export function deadLetterStreamName(stream: string): string {
  return `${stream}_DLQ`;
}

export function deadLetterSubject(originalSubject: string): string {
  return `${DEAD_LETTER_PREFIX}.${originalSubject}`;
}

export interface StreamTopologyOptions {
  /** How long events stay in a domain stream; the event-store keeps them for good. */
  maxAgeMs: number;
  /** The window in which a repeated Nats-Msg-Id is dropped as a duplicate. */
  duplicateWindowMs: number;
  deadLetterMaxAgeMs: number;
}

export const defaultTopologyOptions: StreamTopologyOptions = {
  maxAgeMs: 7 * 24 * 3600_000,
  duplicateWindowMs: 2 * 60_000,
  deadLetterMaxAgeMs: 30 * 24 * 3600_000,
};

/** A stream's full configuration as Sigil declares it. */
export type StreamDeclaration = Partial<StreamConfig> & { name: string };

const msToNanos = (ms: number) => ms * 1_000_000;

/**
 * One stream per context holding exactly the catalogued event subjects (not a wildcard, so query
 * subjects of the same context are never captured), and one dead-letter stream beside each.
 */
export function streamConfigs(
  events: readonly Pick<EventDefinition, 'stream' | 'subject'>[],
  options: StreamTopologyOptions = defaultTopologyOptions,
): StreamDeclaration[] {
  const subjectsByStream = new Map<string, string[]>();
  for (const event of events) {
    subjectsByStream.set(event.stream, [...(subjectsByStream.get(event.stream) ?? []), event.subject]);
  }
  return [...subjectsByStream.entries()].flatMap(([name, subjects]) => [
    {
      name,
      subjects: [...new Set(subjects)].sort(),
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: msToNanos(options.maxAgeMs),
      duplicate_window: msToNanos(options.duplicateWindowMs),
    },
    {
      name: deadLetterStreamName(name),
      subjects: [...new Set(subjects.map(deadLetterSubject))].sort(),
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: msToNanos(options.deadLetterMaxAgeMs),
      duplicate_window: msToNanos(options.duplicateWindowMs),
    },
  ]);
}
