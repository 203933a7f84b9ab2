import { MAX_PER_PAGE, pageWindow } from './page-window';

describe('page window', () => {
  it('given page 3 of 20, when windowed, then 20 rows are taken after the first 40', () => {
    expect(pageWindow(3, 20)).toEqual({ limit: 20, offset: 40 });
    expect(pageWindow(1, MAX_PER_PAGE)).toEqual({ limit: 100, offset: 0 });
  });

  it('given page 0, a negative or fractional page, when windowed, then the page field is named', () => {
    expect(pageWindow(0, 10)).toEqual({ problem: 'page must be at least 1, got 0' });
    expect(pageWindow(-2, 10)).toEqual({ problem: 'page must be at least 1, got -2' });
    expect(pageWindow(1.5, 10)).toEqual({ problem: 'page must be at least 1, got 1.5' });
  });

  it('given per_page 0 or above 100, when windowed, then per_page is named with its range', () => {
    expect(pageWindow(1, 0)).toEqual({ problem: 'per_page must be between 1 and 100, got 0' });
    expect(pageWindow(1, 101)).toEqual({ problem: 'per_page must be between 1 and 100, got 101' });
  });
});
