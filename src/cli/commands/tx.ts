import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { readKeyFile } from '../../node/key-file.ts';
import { createCustosClient, createTransaction, signTransactionWith } from '../../sdk/index.ts';
import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { SignedTransaction } from '../../ledger/transaction.ts';

interface TxFlags {
  url: string;
  key?: string;
  contract?: string;
  fn?: string;
  args?: string;
  wait: boolean;
}

function readJson(source: string): unknown {
  const text = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  return JSON.parse(text) as unknown;
}

export function registerTx(program: Command): void {
  program
    .command('tx')
    .description(
      'submit a transaction. FILE holds a signed transaction, or {contract, fn, args} to sign with --key; or give --contract/--fn/--args',
    )
    .argument('[file]', "JSON file, or '-' for standard input")
    .option('--url <url>', 'node API', 'http://127.0.0.1:8080')
    .option('--key <file>', 'key file to sign with (custos keygen)')
    .option('--contract <name>', 'contract, e.g. notary')
    .option('--fn <name>', 'function, e.g. anchor')
    .option('--args <json>', 'arguments as JSON')
    .option('--no-wait', 'return once admitted instead of waiting for the commit')
    .action(async (file: string | undefined, flags: TxFlags) => {
      const client = createCustosClient({ url: flags.url });
      const input = (file === undefined ? {} : readJson(file)) as Partial<SignedTransaction>;
      let tx: SignedTransaction;
      if (typeof input.sig === 'string') {
        tx = input as SignedTransaction;
      } else {
        if (flags.key === undefined) throw new TypeError('an unsigned transaction needs --key');
        const key = readKeyFile(flags.key);
        const { genesis } = await client.getNetwork();
        const body = createTransaction({
          network: genesis.network,
          contract: flags.contract ?? input.contract ?? '',
          fn: flags.fn ?? input.fn ?? '',
          args: (flags.args === undefined ? (input.args ?? {}) : JSON.parse(flags.args)) as JsonObject,
          signer: key.publicKey,
        });
        tx = await signTransactionWith(body, (message) => key.sign(message));
      }
      const response = await client.submit(tx, { wait: flags.wait });
      console.log(JSON.stringify(response, null, 2));
      if (response.result?.status === 'failed') process.exitCode = 3;
    });
}
