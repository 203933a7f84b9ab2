import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { GetCategoryRequest, ListCategoriesRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '../items/memory-errors';
import { categoryNameOf, categoryPageOf } from './category-requests';
import { getCategory, listCategories } from './category-store';

/** Layer 3 on request: the tenant's categories, and one with its summary. */
@Controller()
export class CategoriesController {
  constructor(private readonly dataSource: DataSource) {}

  @OnQuery(Queries.ListCategories)
  async list(@Payload() request: ListCategoriesRequest, @Ctx() context: QueryContext) {
    const window = categoryPageOf(request);
    if (!window.ok) return invalidInput(window.problems);
    return listCategories(this.dataSource, context.envelope.tenantId, window.value);
  }

  @OnQuery(Queries.GetCategory)
  async get(@Payload() request: GetCategoryRequest, @Ctx() context: QueryContext) {
    const name = categoryNameOf(request);
    if (!name.ok) return invalidInput(name.problems);
    const category = await getCategory(this.dataSource, context.envelope.tenantId, name.value);
    return category ? { category } : notFound(`category '${name.value}' not found`);
  }
}
