/**
 * SQL whose values are written into it as literals, for statements that share a round trip with
 * `START TRANSACTION` or `COMMIT`: PostgreSQL's simple protocol takes several statements at once but
 * no parameters. Only `inlineSql` and `sqlValuesInsert` make one, so a statement with `$1`
 * placeholders cannot be queued by mistake.
 */
export type InlineSql = string & { readonly inlineSql: unique symbol };

export type SqlValue = string | number | bigint | boolean | null | undefined | Uint8Array | Date | object;

/**
 * A string as a literal, written exactly as pg's `escapeLiteral` writes it: quotes doubled, and
 * with a backslash, backslashes doubled in an E'' literal. Native replaces instead of pg's loop of
 * one concatenation per character: a run's state of a few KB is escaped in about half the time.
 */
function stringLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/**
 * A value as a literal: strings as pg's `escapeLiteral` writes them, bytes as hex, a plain object as its
 * JSON text (what pg sends for an object parameter), null and undefined as NULL.
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} has no SQL literal`);
    return String(value);
  }
  if (value instanceof Uint8Array) return `decode('${Buffer.from(value).toString('hex')}', 'hex')`;
  if (value instanceof Date) return stringLiteral(value.toISOString());
  if (Array.isArray(value)) throw new Error('an array has no single SQL literal: pass it as JSON text or one value per column');
  return stringLiteral(JSON.stringify(value));
}

/** A tagged template: `inlineSql\`DELETE FROM t WHERE id = ${id}\`` with each value as its literal. */
export function inlineSql(strings: TemplateStringsArray, ...values: SqlValue[]): InlineSql {
  return strings.reduce((text, part, index) => text + sqlLiteral(values[index - 1]) + part) as InlineSql;
}

/** `INSERT INTO <into> VALUES (...), (...)`, every value a literal. */
export function sqlValuesInsert(into: string, rows: SqlValue[][]): InlineSql {
  return `INSERT INTO ${into} VALUES ${rows.map((row) => `(${row.map(sqlLiteral).join(', ')})`).join(', ')}` as InlineSql;
}
