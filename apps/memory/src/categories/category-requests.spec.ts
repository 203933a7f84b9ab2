import { create } from '@bufbuild/protobuf';
import { GetCategoryRequestSchema, ListCategoriesRequestSchema } from '@sigil/schemas';
import { categoryNameOf, categoryPageOf } from './category-requests';

describe('category requests', () => {
  it('given page 3 of 20, when read, then it is rows 40 to 59', () => {
    expect(categoryPageOf(create(ListCategoriesRequestSchema, { page: 3, perPage: 20 }))).toEqual({ ok: true, value: { limit: 20, offset: 40 } });
  });

  it('given no page or per_page (0), when read, then the caller is told which field is wrong', () => {
    expect(categoryPageOf(create(ListCategoriesRequestSchema, { perPage: 20 }))).toEqual({ ok: false, problems: ['page must be at least 1, got 0'] });
    expect(categoryPageOf(create(ListCategoriesRequestSchema, { page: 1, perPage: 101 }))).toEqual({ ok: false, problems: ['per_page must be between 1 and 100, got 101'] });
  });

  it('given a category name, when read, then it is the name', () => {
    expect(categoryNameOf(create(GetCategoryRequestSchema, { name: 'user_preferences' }))).toEqual({ ok: true, value: 'user_preferences' });
  });

  it('given a name no category can have, when read, then it is refused rather than not found', () => {
    const read = categoryNameOf(create(GetCategoryRequestSchema, { name: '../secrets' }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]).toContain("category '../secrets' must match");
  });
});
