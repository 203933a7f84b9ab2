import { Module } from '@nestjs/common';
import { ContractRepository } from './contract-repository';
import { ContractsController } from './contracts.controller';
import { ParsedContracts } from './parsed-contracts';

/** Contract CRUD and templates; the parse cache is shared with selection, verification and learning. */
@Module({
  controllers: [ContractsController],
  providers: [ContractRepository, { provide: ParsedContracts, useFactory: () => new ParsedContracts() }],
  exports: [ParsedContracts],
})
export class ContractsModule {}
