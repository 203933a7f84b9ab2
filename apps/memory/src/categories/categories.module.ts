import { Module } from '@nestjs/common';
import { ModelModule } from '../model/model.module';
import { CategoriesController } from './categories.controller';
import { CONSOLIDATION_DELAY_MS, consolidationDelayMsFromEnv } from './consolidation-settings';
import { ConsolidationSweeper } from './consolidation-sweeper';

/** Layer 3: the categories' summaries, kept up to date by the consolidation sweeper, and the queries that read them. */
@Module({
  imports: [ModelModule],
  controllers: [CategoriesController],
  providers: [{ provide: CONSOLIDATION_DELAY_MS, useFactory: () => consolidationDelayMsFromEnv(process.env) }, ConsolidationSweeper],
  exports: [CONSOLIDATION_DELAY_MS],
})
export class CategoriesModule {}
