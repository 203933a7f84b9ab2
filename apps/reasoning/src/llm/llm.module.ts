import { Logger, Module } from '@nestjs/common';
import { createLlmProvider, llmSettingsFromEnv, type LlmProvider, type LlmSettings } from '@sigil/llm';
import { deterministicAnswer } from '@sigil/reasoning';

export const LLM_SETTINGS = Symbol('LLM_SETTINGS');
export const LLM_PROVIDER = Symbol('LLM_PROVIDER');

/**
 * The one LLM provider of this replica (its rate limits, queue and circuit breaker are shared by all
 * steps): Claude when ANTHROPIC_API_KEY is set, else the deterministic local model, whose answers
 * come from the reasoning lib so every prompt the platform sends gets a well-formed one.
 */
@Module({
  providers: [
    { provide: LLM_SETTINGS, useFactory: (): LlmSettings => llmSettingsFromEnv(process.env) },
    {
      provide: LLM_PROVIDER,
      inject: [LLM_SETTINGS],
      useFactory: (settings: LlmSettings): LlmProvider => {
        const provider = createLlmProvider(settings, deterministicAnswer);
        new Logger('Llm').log(`answering with ${provider.name} model ${provider.model}`);
        return provider;
      },
    },
  ],
  exports: [LLM_SETTINGS, LLM_PROVIDER],
})
export class LlmModule {}
