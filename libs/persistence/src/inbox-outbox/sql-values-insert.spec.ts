import { sqlValuesInsert } from './sql-values-insert';

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
