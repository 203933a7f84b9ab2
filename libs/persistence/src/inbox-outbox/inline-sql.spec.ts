import { escapeLiteral } from 'pg';
import { inlineSql, sqlLiteral, sqlValuesInsert } from './inline-sql';

describe('sqlValuesInsert', () => {
  it('given rows of strings, when written, then each value is a quoted literal and rows are separated', () => {
    expect(sqlValuesInsert('s.t (a, b)', [['x', 'y'], ['z', 'w']])).toBe(`INSERT INTO s.t (a, b) VALUES ('x', 'y'), ('z', 'w')`);
  });

  it("given strings with quotes and backslashes, when written, then they are escaped so the value cannot end the literal", () => {
    expect(sqlValuesInsert('t (a)', [["it's \\ '); DROP TABLE t; --"]])).toBe(`INSERT INTO t (a) VALUES ( E'it''s \\\\ ''); DROP TABLE t; --')`);
  });

  it('given bytes, when written, then they go as hex decoded by the server', () => {
    expect(sqlValuesInsert('t (b)', [[new Uint8Array([0, 15, 255])]])).toBe(`INSERT INTO t (b) VALUES (decode('000fff', 'hex'))`);
  });
});

describe('sqlLiteral', () => {
  it("given strings of quotes, backslashes, newlines and characters beyond ASCII, when written, then each literal is what pg's escapeLiteral writes", () => {
    const alphabet = ["'", '\\', '"', '\n', 'a', ' ', 'é', '€', '😀', ';', '-', 'E'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const samples = ['', "'", '\\', "\\'", "''\\\\", ...Array.from({ length: 500 }, () => Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join(''))];
    for (const sample of samples) expect(sqlLiteral(sample)).toBe(escapeLiteral(sample));
  });

  it('given null or undefined, when written, then it is NULL', () => {
    expect([sqlLiteral(null), sqlLiteral(undefined)]).toEqual(['NULL', 'NULL']);
  });

  it('given numbers, bigints and booleans, when written, then they are bare literals', () => {
    expect([sqlLiteral(42), sqlLiteral(-1.5), sqlLiteral(12345678901234567890n), sqlLiteral(true), sqlLiteral(false)]).toEqual(['42', '-1.5', '12345678901234567890', 'TRUE', 'FALSE']);
  });

  it('given a number that is not finite, when written, then it is refused rather than sent as text SQL cannot read', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow('NaN has no SQL literal');
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow('Infinity has no SQL literal');
  });

  it('given a date, when written, then it is its ISO text', () => {
    expect(sqlLiteral(new Date(Date.UTC(2026, 10, 21, 12, 0, 0)))).toBe(`'2026-11-21T12:00:00.000Z'`);
  });

  it("given a plain object, when written, then it is its JSON text, escaped like any string", () => {
    expect(sqlLiteral({ name: "it's", nested: { n: 1 } })).toBe(`'{"name":"it''s","nested":{"n":1}}'`);
  });

  it('given an array, when written, then it is refused: pg would send it as a PostgreSQL array, JSON text as an object', () => {
    expect(() => sqlLiteral([1, 2])).toThrow('an array has no single SQL literal');
  });
});

describe('inlineSql', () => {
  it('given values in a template, when written, then each stands as its literal where it was placed', () => {
    expect(inlineSql`UPDATE t SET a = ${"o'k"}, b = ${7}, c = ${null} WHERE id = ${'x'}`).toBe(`UPDATE t SET a = 'o''k', b = 7, c = NULL WHERE id = 'x'`);
  });

  it('given no values, when written, then the text is unchanged', () => {
    expect(inlineSql`SELECT 1`).toBe('SELECT 1');
  });
});
