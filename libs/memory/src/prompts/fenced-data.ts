import { fenceUntrusted } from '@sigil/context';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Records as fenced untrusted data: a JSON array with one record per line, which a model reads
 * easily and the local model reads back exactly (JSON strings carry newlines escaped).
 */
export function fenceRecords(source: string, records: object[]): string {
  return fenceUntrusted(source, `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]`);
}

/**
 * What `fenceUntrusted(source, …)` put in a prompt, or undefined. The fence's content cannot hold its
 * closing tag (the fence neutralises it), so the first closing tag ends it.
 */
export function fencedIn(prompt: string, source: string): string | undefined {
  return new RegExp(`<untrusted_data source="${escapeRegExp(source)}">\\n([\\s\\S]*?)\\n</untrusted_data>`).exec(prompt)?.[1];
}

/** The records `fenceRecords(source, …)` put in a prompt; none when absent or unreadable. */
export function fencedRecordsIn(prompt: string, source: string): unknown[] {
  const fenced = fencedIn(prompt, source);
  if (fenced === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(fenced);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
