import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tier } from '../../rate-limits/tiers';
import type { Scope } from '../scopes';
import type { IssuedApiKey } from './api-key-secret';

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: Scope[];
  tier: Tier;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: Scope[];
  tier: Tier;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  prefix: row.prefix,
  secretHash: row.secret_hash,
  scopes: row.scopes,
  tier: row.tier,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/**
 * API keys in the gateway's schema. Lookups go to Postgres every time (by primary key), so a
 * revocation holds at once on every replica.
 */
@Injectable()
export class ApiKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    tenantId: string,
    issued: IssuedApiKey,
    key: { name: string; scopes: Scope[]; tier: Tier; createdBy: string; expiresAt: Date | null },
  ): Promise<ApiKeyRecord> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `INSERT INTO gateway.api_keys (tenant_id, id, name, prefix, secret_hash, scopes, tier, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [tenantId, issued.id, key.name, issued.prefix, issued.secretHash, key.scopes, key.tier, key.createdBy, key.expiresAt],
    );
    return toRecord(rows[0]);
  }

  /** The one lookup that is not tenant-scoped: the key itself says which tenant it belongs to. */
  async findForAuthentication(id: string): Promise<ApiKeyRecord | undefined> {
    const rows: ApiKeyRow[] = await this.dataSource.query(`SELECT * FROM gateway.api_keys WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(tenantId: string, page: number, perPage: number): Promise<{ keys: ApiKeyRecord[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT * FROM gateway.api_keys WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`, [
        tenantId,
        perPage,
        (page - 1) * perPage,
      ]) as Promise<ApiKeyRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM gateway.api_keys WHERE tenant_id = $1`, [tenantId]) as Promise<{ total: number }[]>,
    ]);
    return { keys: rows.map(toRecord), total };
  }

  /** True when the tenant had this key and it was not already revoked. */
  async revoke(tenantId: string, id: string): Promise<boolean> {
    // As a CTE so the driver returns rows, not TypeORM's [rows, count] pair for UPDATE.
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (UPDATE gateway.api_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [tenantId, id],
    );
    return rows.length > 0;
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM gateway.api_keys WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows.length > 0;
  }
}
