import { containsPattern, InvalidArgument, orderByOf, pageOf, statusOf, timestampOf } from './agent-arguments';

describe('agent query arguments', () => {
  describe('page bounds', () => {
    it('given page 3 of 20, when bounded, then the rows from 41 to 60 are asked for', () => {
      expect(pageOf(3, 20)).toEqual({ limit: 20, offset: 40 });
    });

    it('given per_page at its limits, when bounded, then both are accepted', () => {
      expect(pageOf(1, 1)).toEqual({ limit: 1, offset: 0 });
      expect(pageOf(1, 100)).toEqual({ limit: 100, offset: 0 });
    });

    it('given page 0 or below, when bounded, then it is refused naming page', () => {
      expect(() => pageOf(0, 10)).toThrow(new InvalidArgument('page must be at least 1, got 0'));
      expect(() => pageOf(-2, 10)).toThrow(new InvalidArgument('page must be at least 1, got -2'));
    });

    it('given per_page outside 1..100, when bounded, then it is refused naming per_page', () => {
      expect(() => pageOf(1, 0)).toThrow(new InvalidArgument('per_page must be between 1 and 100, got 0'));
      expect(() => pageOf(1, 101)).toThrow(new InvalidArgument('per_page must be between 1 and 100, got 101'));
    });
  });

  describe('sort keys', () => {
    it('given no sort keys, when turned into ORDER BY, then creation time ascending then name', () => {
      expect(orderByOf([])).toBe('created_at ASC, name ASC');
    });

    it('given several keys, when turned into ORDER BY, then they apply in order with name as the final tiebreak', () => {
      expect(
        orderByOf([
          { field: 'stratum', descending: true },
          { field: 'version', descending: false },
        ]),
      ).toBe('stratum DESC, version ASC, name ASC');
    });

    it('given name among the keys, when turned into ORDER BY, then no second name term is added', () => {
      expect(orderByOf([{ field: 'name', descending: true }, { field: 'updated_at', descending: false }])).toBe('name DESC, updated_at ASC');
    });

    it('given every whitelisted field, when turned into ORDER BY, then each is accepted', () => {
      const fields = ['name', 'stratum', 'status', 'created_at', 'updated_at', 'version'];
      expect(orderByOf(fields.map((field) => ({ field, descending: false })))).toBe(fields.map((field) => `${field} ASC`).join(', '));
    });

    it('given a field outside the whitelist, when turned into ORDER BY, then it is refused naming the field', () => {
      expect(() => orderByOf([{ field: 'name', descending: false }, { field: 'system_prompt', descending: false }])).toThrow(
        new InvalidArgument("sort field 'system_prompt' is not one of name, stratum, status, created_at, updated_at, version"),
      );
    });

    it('given SQL or an object property as the field, when turned into ORDER BY, then it is refused', () => {
      for (const field of ['name; DROP TABLE evolution.agents', 'constructor', '__proto__', 'NAME']) {
        expect(() => orderByOf([{ field, descending: false }])).toThrow(InvalidArgument);
      }
    });
  });

  describe('substring pattern', () => {
    it('given plain text, when made a pattern, then it matches anywhere', () => {
      expect(containsPattern('helper')).toBe('%helper%');
    });

    it('given LIKE wildcards and the escape character, when made a pattern, then each is escaped to match literally', () => {
      expect(containsPattern('50%_off\\now')).toBe('%50\\%\\_off\\\\now%');
    });
  });

  describe('RFC 3339 timestamps', () => {
    it('given UTC, offset and fractional forms, when checked, then they are accepted as written', () => {
      expect(timestampOf('created_after', '2025-01-31T12:00:00Z')).toBe('2025-01-31T12:00:00Z');
      expect(timestampOf('created_after', '2024-02-29T23:59:59.123456+05:30')).toBe('2024-02-29T23:59:59.123456+05:30');
      expect(timestampOf('created_after', '2025-01-31t12:00:00z')).toBe('2025-01-31T12:00:00Z');
    });

    it('given text that is not a timestamp, when checked, then it is refused naming the field', () => {
      expect(() => timestampOf('created_before', 'yesterday')).toThrow(
        new InvalidArgument("created_before must be an RFC 3339 timestamp such as 2025-01-31T12:00:00Z, got 'yesterday'"),
      );
    });

    it('given a date without time or zone, when checked, then it is refused', () => {
      for (const value of ['2025-01-31', '2025-01-31T12:00:00', '2025-01-31 12:00:00Z']) {
        expect(() => timestampOf('created_after', value)).toThrow(InvalidArgument);
      }
    });

    it('given a day or time that does not exist, when checked, then it is refused although Date.parse accepts some', () => {
      const days = ['2025-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-13-01T00:00:00Z', '0000-01-01T00:00:00Z'];
      const times = ['2025-01-01T24:00:00Z', '2025-01-01T00:60:00Z', '2025-01-01T00:00:00+24:00'];
      for (const value of [...days, ...times]) {
        expect(() => timestampOf('created_after', value)).toThrow(InvalidArgument);
      }
    });
  });

  describe('status', () => {
    it('given active or inactive, when checked, then it is kept', () => {
      expect(statusOf('status', 'active')).toBe('active');
      expect(statusOf('status', 'inactive')).toBe('inactive');
    });

    it('given any other value, when checked, then it is refused naming the field', () => {
      expect(() => statusOf('status', 'Active')).toThrow(new InvalidArgument("status must be one of active, inactive, got 'Active'"));
    });
  });
});
