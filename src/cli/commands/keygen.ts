import type { Command } from 'commander';
import { getSuite } from '../../crypto/suites.ts';
import { signingKeyToKeyFile, writeKeyFile } from '../../node/key-file.ts';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('create a signing key file (mode 0600) and print its public key')
    .requiredOption('--out <file>', 'where to write the key file (must not exist)')
    .option('--suite <id>', 'crypto suite', 'ed25519-sha256')
    .action((opts: { out: string; suite: string }) => {
      const suite = getSuite(opts.suite);
      const key = suite.generateSigningKey();
      writeKeyFile(opts.out, signingKeyToKeyFile(suite.id, key));
      console.log(key.publicKey);
    });
}
