import type { CryptoSuite } from '@custos/crypto/suite.ts';
import { verifyBlockHeaderSignature } from '@custos/ledger/block-header.ts';
import type { BlockHeader, NetworkInfo } from '../../api/node-api.ts';
import { browserSuite, isSuiteSupported } from '../../verify/check-proof.ts';

/** Whether a trusted orderer signed this header, checked in the browser; null when the suite is not portable. */
export function checkBlockHeader(header: BlockHeader, network: NetworkInfo): boolean | null {
  if (!isSuiteSupported(network)) return null;
  if (!network.genesis.orderers.includes(header.orderer)) return false;
  // verifyBlockHeaderSignature only calls suite.verify, which the portable suite has.
  return verifyBlockHeaderSignature(browserSuite as CryptoSuite, header);
}
