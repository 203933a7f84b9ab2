import { Controller, Get } from '@nestjs/common';
import { PublicRoute } from '@sigil/service-kit';
import { VectorIndex } from './vector-index';

/** The replica's vector index for operators and the benchmark: which kind, how many vectors, how far behind. */
@Controller()
@PublicRoute()
export class VectorIndexController {
  constructor(private readonly index: VectorIndex) {}

  @Get('vector-index')
  describe() {
    const { tenants, vectors, lagMs } = this.index.stats();
    return { kind: this.index.kind, tenants, vectors, lag_ms: lagMs ?? null };
  }
}
