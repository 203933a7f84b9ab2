import { escapeLiteral } from 'pg';

/**
 * `INSERT INTO <into> VALUES (...), (...)` with the values as quoted literals: a statement sent
 * together with `START TRANSACTION` or `COMMIT` goes by PostgreSQL's simple protocol, which takes
 * several statements in one round trip but no parameters. Strings are escaped by pg's own
 * `escapeLiteral`; bytes go as hex, which needs no escaping either.
 */
export function sqlValuesInsert(into: string, rows: (string | Uint8Array)[][]): string {
  const literal = (value: string | Uint8Array) => (typeof value === 'string' ? escapeLiteral(value) : `decode('${Buffer.from(value).toString('hex')}', 'hex')`);
  return `INSERT INTO ${into} VALUES ${rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ')}`;
}
