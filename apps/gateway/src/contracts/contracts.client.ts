import { Injectable, Logger } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { ContractProblem, GetPromptContextReply, QueryError, StoredContract, ValidateOutputReply } from '@sigil/schemas';
import { orUnavailable } from '../common/or-unavailable';
import type { ContractTarget } from './contract-dtos';
import { contractProblem, type ContractSubject } from './contract-problems';
import { outputPayload } from './contract-view';

/** Contracts and templates live in the contracts service, which also checks every specification; the gateway asks as the caller's tenant. */
@Injectable()
export class ContractsClient {
  private readonly logger = new Logger(ContractsClient.name);

  constructor(private readonly queries: QueryClient) {}

  async create(contract: Record<string, unknown>, correlation: Correlation): Promise<StoredContract> {
    const reply = await this.ask(() => this.queries.request(Queries.CreateContract, { contractJson: JSON.stringify(contract) }, correlation));
    return this.required(reply, { name: String(contract.name) });
  }

  /** The tenant's contract of that name, or the template. */
  async get(name: string, correlation: Correlation): Promise<StoredContract> {
    const reply = await this.ask(() => this.queries.request(Queries.GetContract, { name }, correlation));
    return this.required(reply, { name });
  }

  async list(query: { page: number; per_page: number; q?: string }, correlation: Correlation): Promise<{ contracts: StoredContract[]; total: number }> {
    const payload = { page: query.page, perPage: query.per_page, q: query.q ?? '' };
    const reply = await this.ask(() => this.queries.request(Queries.ListContracts, payload, correlation));
    if (reply.error) throw this.refusal(reply.error, [], { name: '' });
    return { contracts: reply.contracts, total: Number(reply.total) };
  }

  /** Replaces the contract with a new revision. */
  async update(name: string, contract: Record<string, unknown>, correlation: Correlation): Promise<StoredContract> {
    const reply = await this.ask(() => this.queries.request(Queries.UpdateContract, { name, contractJson: JSON.stringify(contract) }, correlation));
    return this.required(reply, { name });
  }

  async delete(name: string, correlation: Correlation): Promise<void> {
    const reply = await this.ask(() => this.queries.request(Queries.DeleteContract, { name }, correlation));
    if (reply.error || !reply.deleted) throw this.refusal(reply.error, [], { name });
  }

  /** Checks an output against a named contract (the tenant's or a template) or an inline one. */
  async validate(target: ContractTarget, output: unknown, correlation: Correlation): Promise<ValidateOutputReply> {
    const payload = 'name' in target ? { contractName: target.name, ...outputPayload(output) } : { contractJson: JSON.stringify(target.contract), ...outputPayload(output) };
    const reply = await this.ask(() => this.queries.request(Queries.ValidateOutput, payload, correlation));
    if (reply.error) throw this.refusal(reply.error, reply.problems, 'name' in target ? { name: target.name } : { name: String(target.contract.name), specField: 'contract' });
    return reply;
  }

  async templates(correlation: Correlation): Promise<StoredContract[]> {
    const reply = await this.ask(() => this.queries.request(Queries.ListTemplates, {}, correlation));
    return reply.templates;
  }

  async promptContext(name: string, task: string | undefined, correlation: Correlation): Promise<GetPromptContextReply> {
    const reply = await this.ask(() => this.queries.request(Queries.GetPromptContext, { name, task: task ?? '' }, correlation));
    if (reply.error) throw this.refusal(reply.error, [], { name, kind: 'template' });
    return reply;
  }

  private required(reply: { contract?: StoredContract; error?: QueryError; problems: ContractProblem[] }, subject: ContractSubject): StoredContract {
    if (reply.contract && !reply.error) return reply.contract;
    throw this.refusal(reply.error, reply.problems, subject);
  }

  private refusal(error: QueryError | undefined, problems: ContractProblem[], subject: ContractSubject): Error {
    // CV-009 is answered as an opaque 500: what the service said stays in the log.
    if (error?.code === 'CV-009') this.logger.error(`contracts service failed: ${error.code} ${error.message}`);
    return contractProblem(error, problems, subject);
  }

  private ask<T>(call: () => Promise<T>): Promise<T> {
    return orUnavailable('contracts service', call);
  }
}
