import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { ErasureController } from './erasure.controller';

/** Erasing a session's or a subject's memory (`Queries.EraseMemory`). */
@Module({ imports: [CategoriesModule], controllers: [ErasureController] })
export class ErasureModule {}
