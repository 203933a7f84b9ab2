import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `page`/`per_page` of every list (API guidelines: pagination). */
export class PageQueryDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  per_page = 20;
}

/** The `pagination` object of every list response. */
export function pagination(page: PageQueryDto, total: number) {
  return { page: page.page, per_page: page.per_page, total, total_pages: Math.ceil(total / page.per_page) };
}
