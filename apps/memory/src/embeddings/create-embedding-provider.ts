import { LocalEmbeddingProvider, type EmbeddingProvider } from '@sigil/memory';
import type { EmbeddingSettings } from './embedding-settings';
import { OpenAiCompatibleEmbeddingProvider } from './openai-embedding-provider';

/** The provider the settings name: the offline hashing embeddings by default, or a remote OpenAI-compatible server. */
export function createEmbeddingProvider(settings: EmbeddingSettings): EmbeddingProvider {
  return settings.remote ? new OpenAiCompatibleEmbeddingProvider(settings.remote, settings.dimensions) : new LocalEmbeddingProvider(settings.dimensions);
}
