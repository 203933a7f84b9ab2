import { parseSort } from './sort-spec';

const SORTABLE = ['name', 'created_at', 'version'];

describe('sort parameter', () => {
  it('given several fields with a minus, when parsed, then the order and directions are kept', () => {
    expect(parseSort('-created_at,name', SORTABLE)).toEqual({
      keys: [
        { field: 'created_at', descending: true },
        { field: 'name', descending: false },
      ],
    });
  });

  it('given a field that is not sortable, when parsed, then that field is named', () => {
    expect(parseSort('name,-password', SORTABLE)).toEqual({ unknownField: 'password' });
    expect(parseSort('name,', SORTABLE)).toEqual({ unknownField: '' });
  });

  it('given a field twice, when parsed, then the first direction wins', () => {
    expect(parseSort('version,-version', SORTABLE)).toEqual({ keys: [{ field: 'version', descending: false }] });
  });
});
