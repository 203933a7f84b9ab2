import { create } from '@bufbuild/protobuf';
import { looksLikeInstructions } from '@sigil/context';
import { type MemoryHit, MemoryHitSchema } from '@sigil/schemas';

/** An item found for a query, as the search reads it. */
export interface FoundItemRow {
  id: string;
  session_id: string | null;
  category: string;
  content: string;
  confidence: number;
  source_resource_id: string | null;
  created_at: Date;
  score: number;
}

/** The hit for a found item; its content stays data, and content that reads as an instruction to a model is flagged. */
export const memoryHitOf = (row: FoundItemRow): MemoryHit =>
  create(MemoryHitSchema, {
    itemId: row.id,
    content: row.content,
    category: row.category,
    score: row.score,
    confidence: row.confidence,
    sourceResourceId: row.source_resource_id ?? '',
    sessionId: row.session_id ?? '',
    looksLikeInstructions: looksLikeInstructions(row.content),
    createdAt: row.created_at.toISOString(),
  });
