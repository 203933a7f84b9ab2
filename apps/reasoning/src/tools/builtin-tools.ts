import { Injectable } from '@nestjs/common';
import { QueryClient, type Correlation } from '@sigil/messaging';
import { ToolRegistry } from '@sigil/reasoning';
import { memorySearchTool } from './memory-search.tool';
import { memoryStoreTool } from './memory-store.tool';
import { planInspectTool } from './plan-inspect.tool';

/** The tools every step may use, bound to the step's tenant and run; a new tool plugs in here. */
@Injectable()
export class BuiltinTools {
  constructor(private readonly queries: QueryClient) {}

  forStep(correlation: Correlation): ToolRegistry {
    return new ToolRegistry([memorySearchTool(this.queries, correlation), memoryStoreTool(this.queries, correlation), planInspectTool(this.queries, correlation)]);
  }
}
