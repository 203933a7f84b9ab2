import { pageWindow, type PageWindow } from '@sigil/persistence';

/** A query argument the caller got wrong; the reply is REQ_001 (400) with this message, which names the field. */
export class InvalidArgument extends Error {}

const STATUSES = ['active', 'inactive'];

export function statusOf(field: string, value: string): string {
  if (!STATUSES.includes(value)) throw new InvalidArgument(`${field} must be one of ${STATUSES.join(', ')}, got '${value}'`);
  return value;
}

/** An agent's token budget per run as stored: 0 is none of its own (NULL, the platform default); the gateway bounds the rest. */
export function tokenBudgetOf(field: string, value: bigint): bigint | null {
  if (value < 0n) throw new InvalidArgument(`${field} must be 0 (the platform default) or a positive number of tokens, got ${value}`);
  return value === 0n ? null : value;
}

/** The shared page rule (`pageWindow`), refusing as an invalid argument. */
export function pageOf(page: number, perPage: number): PageWindow {
  const window = pageWindow(page, perPage);
  if ('problem' in window) throw new InvalidArgument(window.problem);
  return window;
}

// The field names are the column names; only these ever reach the SQL text.
const SORT_FIELDS = ['name', 'stratum', 'status', 'created_at', 'updated_at', 'version'];
const DEFAULT_SORT = [{ field: 'created_at', descending: false }];

/** The ORDER BY terms for the keys in order; name, unique per tenant, ends them so pages never overlap. */
export function orderByOf(sort: readonly { field: string; descending: boolean }[]): string {
  const keys = sort.length > 0 ? sort : DEFAULT_SORT;
  const unknown = keys.find((key) => !SORT_FIELDS.includes(key.field));
  if (unknown) throw new InvalidArgument(`sort field '${unknown.field}' is not one of ${SORT_FIELDS.join(', ')}`);
  const terms = keys.map((key) => `${key.field} ${key.descending ? 'DESC' : 'ASC'}`);
  return (keys.some((key) => key.field === 'name') ? terms : [...terms, 'name ASC']).join(', ');
}

/** An ILIKE pattern (escape character \) matching the text literally anywhere: its own %, _ and \ are not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function isRealMoment([year, month, day, hour, minute, second, offsetHour, offsetMinute]: number[]): boolean {
  const dateValid = year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  return dateValid && hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
}

/**
 * An RFC 3339 timestamp, checked part by part because Date.parse takes 30 February; returned as
 * written (upper-cased) so PostgreSQL keeps its microseconds.
 */
export function timestampOf(field: string, value: string): string {
  const match = RFC_3339.exec(value);
  if (!match || !isRealMoment(match.slice(1).map((part) => Number(part ?? 0)))) {
    throw new InvalidArgument(`${field} must be an RFC 3339 timestamp such as 2025-01-31T12:00:00Z, got '${value}'`);
  }
  return value.toUpperCase();
}
