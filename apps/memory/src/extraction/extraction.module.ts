import { Module } from '@nestjs/common';
import { EmbeddingsModule } from '../embeddings/embeddings.module';
import { ModelModule } from '../model/model.module';
import { ExtractionController } from './extraction.controller';

/** Extraction of stored resources' facts into items, asynchronously from `ResourceStored`. */
@Module({ imports: [ModelModule, EmbeddingsModule], controllers: [ExtractionController] })
export class ExtractionModule {}
