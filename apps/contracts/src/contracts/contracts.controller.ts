import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { ACTI_TEMPLATES, getTemplate, isTemplate, TEMPLATE_NAMES } from '@sigil/contracts';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { CreateContractRequest, DeleteContractRequest, GetContractRequest, ListContractsRequest, UpdateContractRequest } from '@sigil/schemas';
import { parseContractJson } from './contract-json';
import { listCriteriaOf } from './contract-list';
import {
  contractExists,
  contractNotFound,
  invalidArgument,
  invalidSpecification,
  storedContractOf,
  templateContractOf,
  templateNameTaken,
  templateReadOnly,
} from './contract-replies';
import { ContractRepository } from './contract-repository';
import { nextVersion } from './contract-version';

/** A tenant's contracts and the read-only templates; every query stays within the caller's tenant. */
@Controller()
export class ContractsController {
  constructor(private readonly contracts: ContractRepository) {}

  @OnQuery(Queries.CreateContract)
  async create(@Payload() request: CreateContractRequest, @Ctx() context: QueryContext) {
    const parsed = parseContractJson(request.contractJson);
    if (!parsed.ok) return invalidSpecification(parsed.problems);
    const { name } = parsed.contract;
    if (isTemplate(name)) return templateNameTaken(name);
    const stored = await this.contracts.create(context.envelope.tenantId, parsed.contract);
    return stored ? { contract: storedContractOf(stored) } : contractExists(name);
  }

  @OnQuery(Queries.GetContract)
  async get(@Payload() request: GetContractRequest, @Ctx() context: QueryContext) {
    const template = getTemplate(request.name);
    if (template) return { contract: templateContractOf(template) };
    const stored = await this.contracts.find(context.envelope.tenantId, request.name);
    return stored ? { contract: storedContractOf(stored) } : contractNotFound(request.name);
  }

  @OnQuery(Queries.ListContracts)
  async list(@Payload() request: ListContractsRequest, @Ctx() context: QueryContext) {
    const criteria = listCriteriaOf(request);
    if ('problem' in criteria) return invalidArgument(criteria.problem);
    const { rows, total } = await this.contracts.list(context.envelope.tenantId, criteria);
    return { contracts: rows.map(storedContractOf), total: BigInt(total) };
  }

  /** Templates first (CV-006), then existence (CV-004), then the body (CV-001..003): the order a caller fixes them in. */
  @OnQuery(Queries.UpdateContract)
  async update(@Payload() request: UpdateContractRequest, @Ctx() context: QueryContext) {
    const { name } = request;
    const tenantId = context.envelope.tenantId;
    if (isTemplate(name)) return templateReadOnly(name);
    const parsed = parseContractJson(request.contractJson, name);
    if (!parsed.ok) return (await this.contracts.find(tenantId, name)) ? invalidSpecification(parsed.problems) : contractNotFound(name);
    const given = parsed.versionGiven ? parsed.contract.version : undefined;
    const stored = await this.contracts.update(tenantId, name, (current) => ({
      ...parsed.contract,
      version: nextVersion((JSON.parse(current.contract_json) as { version: string }).version, given),
    }));
    return stored ? { contract: storedContractOf(stored) } : contractNotFound(name);
  }

  @OnQuery(Queries.DeleteContract)
  async delete(@Payload() request: DeleteContractRequest, @Ctx() context: QueryContext) {
    if (isTemplate(request.name)) return templateReadOnly(request.name);
    const deleted = await this.contracts.delete(context.envelope.tenantId, request.name);
    return deleted ? { deleted } : contractNotFound(request.name);
  }

  @OnQuery(Queries.ListTemplates)
  listTemplates() {
    return { templates: TEMPLATE_NAMES.map((name) => templateContractOf(ACTI_TEMPLATES[name])) };
  }
}
