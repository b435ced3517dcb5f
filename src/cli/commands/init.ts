import type { Command } from 'commander';
import { initDataDir } from '../../node/data-dir.ts';

export const defaultNetworkName = 'js-province';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a single-node network: keys and genesis in a data directory')
    .option('--data <dir>', 'data directory', './data')
    .option('--network <name>', 'network id (lowercase)', defaultNetworkName)
    .option('--title <text>', 'network title', 'Custos demo province')
    .option('--suite <id>', 'crypto suite: ed25519-sha256 or sm2-sm3', 'ed25519-sha256')
    .action((opts: { data: string; network: string; title: string; suite: string }) => {
      const genesis = initDataDir(opts.data, { network: opts.network, title: opts.title, suite: opts.suite, time: Date.now() });
      console.log(`initialized network ${genesis.network} in ${opts.data}`);
      console.log(`  orderer ${genesis.orderers[0]}`);
      console.log(`  node    ${genesis.nodes[0]}`);
    });
}
