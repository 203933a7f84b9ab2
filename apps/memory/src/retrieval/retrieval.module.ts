import { Module } from '@nestjs/common';
import { EmbeddingsModule } from '../embeddings/embeddings.module';
import { ModelModule } from '../model/model.module';
import { VectorIndexModule } from '../vector-index/vector-index.module';
import { MemoryRetrieval } from './memory-retrieval';
import { RETRIEVAL_SETTINGS, retrievalSettingsFromEnv } from './retrieval-settings';
import { RetrievalController } from './retrieval.controller';

/** Searching memory (`Queries.SearchMemory`: rag, llm or hybrid); recall uses the same retrieval. */
@Module({
  imports: [EmbeddingsModule, VectorIndexModule, ModelModule],
  controllers: [RetrievalController],
  providers: [{ provide: RETRIEVAL_SETTINGS, useFactory: () => retrievalSettingsFromEnv(process.env) }, MemoryRetrieval],
  exports: [RETRIEVAL_SETTINGS, MemoryRetrieval],
})
export class RetrievalModule {}
