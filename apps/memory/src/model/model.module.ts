import { Logger, Module } from '@nestjs/common';
import { createLlmProvider, llmSettingsFromEnv } from '@sigil/llm';
import { localMemoryAnswer } from './local-memory-answer';
import { MemoryModel } from './memory-model';

/**
 * The one model of this replica (its rate limits, queue and circuit breaker are shared by
 * extraction, consolidation and llm retrieval): Claude when ANTHROPIC_API_KEY is set, else the
 * deterministic local model answering the memory lib's prompts.
 */
@Module({
  providers: [
    {
      provide: MemoryModel,
      useFactory: (): MemoryModel => {
        const model = new MemoryModel(createLlmProvider(llmSettingsFromEnv(process.env), localMemoryAnswer));
        new Logger('MemoryModel').log(`answering with ${model.description}`);
        return model;
      },
    },
  ],
  exports: [MemoryModel],
})
export class ModelModule {}
