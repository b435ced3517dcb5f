import { Command } from 'commander';
import { isCustosError } from '../errors/custos-error.ts';
import { registerBench } from './commands/bench.ts';
import { registerCa, registerEnroll } from './commands/ca.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDoctor } from './commands/doctor.ts';
import { registerNetworkInit } from './commands/network-init.ts';
import { registerInit } from './commands/init.ts';
import { registerKeygen } from './commands/keygen.ts';
import { registerNetwork } from './commands/network.ts';
import { registerProof } from './commands/proof.ts';
import { registerStart } from './commands/start.ts';
import { registerTx } from './commands/tx.ts';
import { registerVerify } from './commands/verify.ts';

const program = new Command('custos')
  .description('Custos: a permissioned ledger that public agencies run together')
  .showHelpAfterError();

registerInit(program);
registerStart(program);
registerKeygen(program);
registerTx(program);
registerProof(program);
registerVerify(program);
registerCa(program);
registerEnroll(program);
registerDoctor(program);
registerBench(program);
registerNetwork(program);
registerNetworkInit(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isCustosError(error)) {
    console.error(`error ${error.code}: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
