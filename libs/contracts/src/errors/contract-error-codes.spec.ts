import { CONTRACT_ERRORS } from './contract-error-codes';

describe('contract error codes', () => {
  it('given appendix C, when the table is read, then CV-001..CV-009 carry the spec statuses in order', () => {
    expect(Object.entries(CONTRACT_ERRORS).map(([code, info]) => [code, info.status])).toEqual([
      ['CV-001', 400],
      ['CV-002', 400],
      ['CV-003', 400],
      ['CV-004', 404],
      ['CV-005', 409],
      ['CV-006', 403],
      ['CV-007', 422],
      ['CV-008', 422],
      ['CV-009', 500],
    ]);
  });

  it('given any code, when read, then it has the spec title and at least one recovery suggestion', () => {
    expect(CONTRACT_ERRORS['CV-006'].title).toBe('Cannot modify template');
    for (const info of Object.values(CONTRACT_ERRORS)) expect(info.recoverySuggestions.length).toBeGreaterThan(0);
  });
});
