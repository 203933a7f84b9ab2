import { Logger, Module } from '@nestjs/common';
import type { EmbeddingProvider } from '@sigil/memory';
import { createEmbeddingProvider } from './create-embedding-provider';
import { embeddingSettingsFromEnv, type EmbeddingSettings } from './embedding-settings';

export const EMBEDDING_SETTINGS = Symbol('EMBEDDING_SETTINGS');
export const EMBEDDING_PROVIDER = Symbol('EMBEDDING_PROVIDER');

/** The replica's one embedding provider (`EMBEDDING_PROVIDER`) and its settings, read once at start. */
@Module({
  providers: [
    { provide: EMBEDDING_SETTINGS, useFactory: (): EmbeddingSettings => embeddingSettingsFromEnv(process.env) },
    {
      provide: EMBEDDING_PROVIDER,
      inject: [EMBEDDING_SETTINGS],
      useFactory: (settings: EmbeddingSettings): EmbeddingProvider => {
        const provider = createEmbeddingProvider(settings);
        new Logger('Embeddings').log(`embedding with ${provider.name} model ${provider.model}, ${provider.dimensions} dimensions`);
        return provider;
      },
    },
  ],
  exports: [EMBEDDING_SETTINGS, EMBEDDING_PROVIDER],
})
export class EmbeddingsModule {}
