import { createRegistry, fromBinary, toJson, type JsonValue } from '@bufbuild/protobuf';
import { allEvents } from './events';

const registry = createRegistry(...allEvents.map((event) => event.schema));
const eventsByType = new Map(allEvents.map((event) => [event.type, event]));

/** Decodes a stored event's payload to canonical protobuf JSON by its CloudEvents type. */
export function decodeEventPayload(type: string, data: Uint8Array): JsonValue {
  const event = eventsByType.get(type);
  if (!event) throw new Error(`unknown event type ${type}`);
  return toJson(event.schema, fromBinary(event.schema, data), { registry });
}
