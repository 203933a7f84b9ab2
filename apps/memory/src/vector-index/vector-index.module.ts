import { Inject, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EmbeddingProvider } from '@sigil/memory';
import { NATS_CONNECTION } from '@sigil/service-kit';
import { DataSource } from 'typeorm';
import { EMBEDDING_PROVIDER, EmbeddingsModule } from '../embeddings/embeddings.module';
import { HnswVectorIndex } from './hnsw/hnsw-vector-index';
import { selectVectorIndex } from './select-vector-index';
import { VectorIndex } from './vector-index';
import { VectorIndexController } from './vector-index.controller';
import { vectorIndexSettingsFromEnv } from './vector-index-settings';

/** The replica's `VectorIndex`, chosen and loaded at start (the service answers nothing before). */
@Module({
  imports: [EmbeddingsModule],
  controllers: [VectorIndexController],
  providers: [
    {
      provide: VectorIndex,
      inject: [DataSource, NATS_CONNECTION, EMBEDDING_PROVIDER],
      useFactory: (dataSource: DataSource, nats: NatsConnection, embeddings: EmbeddingProvider) =>
        selectVectorIndex(vectorIndexSettingsFromEnv(process.env), {
          dataSource,
          nats,
          model: embeddings.model,
          dimensions: embeddings.dimensions,
          logger: new Logger('VectorIndex'),
        }),
    },
  ],
  exports: [VectorIndex],
})
export class VectorIndexModule implements OnModuleDestroy {
  constructor(@Inject(VectorIndex) private readonly index: VectorIndex) {}

  async onModuleDestroy(): Promise<void> {
    if (this.index instanceof HnswVectorIndex) await this.index.close();
  }
}
