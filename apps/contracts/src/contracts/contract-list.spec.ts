import { create } from '@bufbuild/protobuf';
import { ListContractsRequestSchema } from '@sigil/schemas';
import { listCriteriaOf } from './contract-list';

describe('contract list criteria', () => {
  it('given a page and no search, when read, then it is the page window alone', () => {
    expect(listCriteriaOf(create(ListContractsRequestSchema, { page: 2, perPage: 10 }))).toEqual({ page: { limit: 10, offset: 10 } });
  });

  it('given a search with wildcard characters, when read, then they are matched literally', () => {
    expect(listCriteriaOf(create(ListContractsRequestSchema, { page: 1, perPage: 5, q: '100%_a\\b' }))).toEqual({ page: { limit: 5, offset: 0 }, contains: '%100\\%\\_a\\\\b%' });
  });

  it('given an unset page, when read, then the problem names page', () => {
    expect(listCriteriaOf(create(ListContractsRequestSchema, { perPage: 5 }))).toEqual({ problem: 'page must be at least 1, got 0' });
  });
});
