import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getSuite } from '../crypto/suites.ts';
import type { SigningKey } from '../crypto/suite.ts';
import { custosError } from '../errors/custos-error.ts';
import { decodeGenesis, defaultTxWindow, type Genesis } from '../ledger/genesis.ts';
import { readKeyFile, signingKeyToKeyFile, writeKeyFile } from './key-file.ts';

/**
 * A node's data directory:
 *   genesis.json        the network's genesis document
 *   keys/node.json      this node's checkpoint key (mode 0600)
 *   keys/orderer.json   the solo orderer's block-signing key (mode 0600)
 *   ledger.sqlite       blocks, transactions, results, state (WAL)
 */
export const dataDirFiles = {
  genesis: 'genesis.json',
  nodeKey: 'keys/node.json',
  ordererKey: 'keys/orderer.json',
  ledger: 'ledger.sqlite',
} as const;

export interface InitOptions {
  network: string;
  title: string;
  suite: string;
  /** Genesis time, ms since the epoch. */
  time: number;
  /** Organizations, roles, policies (an identity-enabled network); absent = open network. */
  identity?: Pick<Genesis, 'organizations' | 'roles' | 'policies' | 'finality'>;
}

/** Write to a temporary file, fsync, rename: a crash leaves the old file or the whole new one. */
function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

export function isInitialized(dir: string): boolean {
  return existsSync(join(dir, dataDirFiles.genesis));
}

/** Creates keys and a single-node genesis. Refuses a directory that already holds a network. */
export function initDataDir(dir: string, options: InitOptions): Genesis {
  if (isInitialized(dir)) throw custosError('NODE_ALREADY_INITIALIZED', `${dir} already holds a network`, { dir });
  const suite = getSuite(options.suite);
  mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  const nodeKey = suite.generateSigningKey();
  const ordererKey = suite.generateSigningKey();
  // Without genesis.json no network has ever used keys left by an
  // interrupted earlier init, so they may be replaced; genesis.json is
  // written last, atomically, and marks the directory as initialized.
  writeKeyFile(join(dir, dataDirFiles.nodeKey), signingKeyToKeyFile(suite.id, nodeKey), { replace: true });
  writeKeyFile(join(dir, dataDirFiles.ordererKey), signingKeyToKeyFile(suite.id, ordererKey), { replace: true });
  const genesis: Genesis = decodeGenesis({
    v: 1,
    network: options.network,
    title: options.title,
    suite: suite.id,
    time: options.time,
    orderers: [ordererKey.publicKey],
    nodes: [nodeKey.publicKey],
    txWindow: defaultTxWindow,
    ...options.identity,
    extensions: {},
  });
  writeFileAtomically(join(dir, dataDirFiles.genesis), JSON.stringify(genesis, null, 2) + '\n');
  return genesis;
}

export interface DataDir {
  dir: string;
  genesis: Genesis;
  nodeKey: SigningKey;
  /** Absent on nodes that only validate others' blocks. */
  ordererKey: SigningKey | undefined;
  ledgerPath: string;
}

export function readGenesisFile(path: string): Genesis {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw custosError('LEDGER_GENESIS_INVALID', `cannot read genesis ${path}`, { path }, error);
  }
  return decodeGenesis(parsed);
}

export function openDataDir(dir: string): DataDir {
  if (!isInitialized(dir)) throw custosError('NODE_DATA_DIR_INVALID', `${dir} is not a Custos data directory (run custos init)`, { dir });
  const ordererPath = join(dir, dataDirFiles.ordererKey);
  return {
    dir,
    genesis: readGenesisFile(join(dir, dataDirFiles.genesis)),
    nodeKey: readKeyFile(join(dir, dataDirFiles.nodeKey)),
    ordererKey: existsSync(ordererPath) ? readKeyFile(ordererPath) : undefined,
    ledgerPath: join(dir, dataDirFiles.ledger),
  };
}
