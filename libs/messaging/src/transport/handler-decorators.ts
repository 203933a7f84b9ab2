import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { EventDefinition, QueryDefinition } from '../definitions/message-definitions';
import { consumer, type ConsumerOptions } from './consumer-options';

// Nest's typed overloads want an event map; Sigil's catalogue is the map, so the untyped form is used.
const eventPattern = EventPattern as (pattern: string, extras: Record<string, unknown>) => MethodDecorator;
const messagePattern = MessagePattern as (pattern: string) => MethodDecorator;

/** Handles a catalogued event through this service's durable consumer for it. */
export function OnEvent(event: EventDefinition, options: Partial<Omit<ConsumerOptions, 'allStreams'>> = {}): MethodDecorator {
  return eventPattern(event.type, consumer(options));
}

/** Handles every message of every domain stream, as raw bytes (the event-store's view). */
export function OnAllStreams(options: Partial<Omit<ConsumerOptions, 'allStreams'>> = {}): MethodDecorator {
  return eventPattern('sigil.>', consumer({ ...options, allStreams: true }));
}

/** Answers a catalogued query in this service's queue group. */
export function OnQuery(query: QueryDefinition): MethodDecorator {
  return messagePattern(query.subject);
}
