import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import type { Contract } from '@sigil/contracts';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { ValidateOutputRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { findContract } from '../contracts/contract-lookup';
import { contractError, contractNotFound, invalidSpecification } from '../contracts/contract-replies';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { checkOutput } from './output-check';

/** Checks an output against a contract on request; nothing is stored, since no run is involved. */
@Controller()
export class OutputCheckController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnQuery(Queries.ValidateOutput)
  async validate(@Payload() request: ValidateOutputRequest, @Ctx() context: QueryContext) {
    const target = await this.contractOf(request, context.envelope.tenantId);
    if ('error' in target) return target;
    return checkOutput(target.contract, request.outputJson, request.outputIsText);
  }

  private async contractOf(request: ValidateOutputRequest, tenantId: string): Promise<{ contract: Contract } | { error: { code: string; message: string; status: number } }> {
    const { contractName, contractJson } = request;
    if ((contractName === '') === (contractJson === '')) return contractError('CV-001', 'give exactly one of contract_name or contract_json');
    if (contractJson !== '') {
      const parsed = this.parsed.parse(contractJson);
      return parsed.ok ? { contract: parsed.contract } : invalidSpecification(parsed.problems);
    }
    const contract = await findContract(this.dataSource, this.parsed, tenantId, contractName);
    return contract ? { contract } : contractNotFound(contractName);
  }
}
