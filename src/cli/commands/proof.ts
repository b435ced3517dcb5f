import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { getSuite } from '../../crypto/suites.ts';
import type { TransactionProof } from '../../ledger/proof.ts';
import { verifyTransactionProof } from '../../ledger/verify-proof.ts';
import { readGenesisFile } from '../../node/data-dir.ts';
import { createCustosClient } from '../../sdk/index.ts';

export function registerProof(program: Command): void {
  const proof = program.command('proof').description('get and check transaction proofs');

  proof
    .command('get')
    .description("fetch a transaction's proof from a node and save it")
    .argument('<txId>', 'transaction id (hex)')
    .option('--url <url>', 'node API', 'http://127.0.0.1:8080')
    .option('--out <file>', 'write the proof here instead of standard output')
    .action(async (txId: string, flags: { url: string; out?: string }) => {
      const fetched = await createCustosClient({ url: flags.url }).getProof(txId);
      const text = JSON.stringify(fetched, null, 2) + '\n';
      if (flags.out === undefined) process.stdout.write(text);
      else {
        writeFileSync(flags.out, text);
        console.error(`proof of ${txId} written to ${flags.out}`);
      }
    });

  proof
    .command('verify')
    .description('check a proof offline against a genesis document you trust; no network access')
    .argument('<file>', 'proof JSON (custos proof get --out)')
    .requiredOption('--genesis <file>', "the network's genesis.json, from a source you trust")
    .option('--json', 'print the verdict as JSON')
    .action((file: string, flags: { genesis: string; json?: boolean }) => {
      const genesis = readGenesisFile(flags.genesis);
      const loaded = JSON.parse(readFileSync(file, 'utf8')) as TransactionProof;
      const verdict = verifyTransactionProof(loaded, { network: genesis.network, orderers: genesis.orderers, nodes: genesis.nodes }, getSuite(genesis.suite));
      if (flags.json === true) console.log(JSON.stringify(verdict, null, 2));
      else {
        for (const check of verdict.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}${check.ok ? '' : `: ${check.detail}`}`);
        console.log(verdict.ok ? '\nVALID. This proof shows:' : '\nINVALID: the proof does not hold.');
        for (const line of verdict.proves) console.log(`  - ${line}`);
        if (verdict.ok) {
          console.log('It does not show:');
          for (const line of verdict.doesNotProve) console.log(`  - ${line}`);
        }
      }
      if (!verdict.ok) process.exitCode = 1;
    });
}
