export interface CausalEvent {
  id: string;
  causationId: string | null;
}

/**
 * Orders events so that no event precedes the one that caused it, otherwise keeping the given
 * (time, arrival) order. Event times have millisecond precision and different streams reach the
 * store independently, so a cause and its effect within the same millisecond may arrive swapped.
 */
export function orderCausally<T extends CausalEvent>(events: T[]): T[] {
  const ids = new Set(events.map((event) => event.id));
  const placed = new Set<string>();
  const waiting = new Map<string, T[]>();
  const ordered: T[] = [];
  const place = (event: T) => {
    ordered.push(event);
    placed.add(event.id);
    for (const effect of waiting.get(event.id) ?? []) place(effect);
    waiting.delete(event.id);
  };
  for (const event of events) {
    const cause = event.causationId;
    if (cause && ids.has(cause) && !placed.has(cause)) waiting.set(cause, [...(waiting.get(cause) ?? []), event]);
    else place(event);
  }
  // Anything still waiting has a cause that never got placed (a cycle in bad data): keep it, in order.
  for (const stranded of waiting.values()) ordered.push(...stranded);
  return ordered;
}
