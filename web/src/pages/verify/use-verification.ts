import { useCallback, useState } from 'react';
import type { TransactionProof } from '@sdk';
import { nodeApi, type NetworkInfo } from '../../api/node-api.ts';
import { checkProof, isSuiteSupported, type ProofCheckOutcome } from '../../verify/check-proof.ts';
import { fetchProofForCode, fetchProofForId } from '../../verify/fetch-proof.ts';
import { readVerifyInput } from '../../verify/read-input.ts';

export type VerificationState =
  | { status: 'idle' }
  | { status: 'working' }
  /** A message key for a problem with the input (empty, not JSON, unknown id…). */
  | { status: 'input-problem'; messageKey: string; values?: Record<string, string> }
  | { status: 'error'; error: unknown }
  | { status: 'checked'; proof: TransactionProof; network: NetworkInfo; outcome: ProofCheckOutcome; source: 'pasted' | 'fetched' };

/**
 * Turns what a person pasted or scanned into a verdict. The node supplies the
 * proof (for an id) and its genesis; every check runs here, in the browser.
 */
export function useVerification() {
  const [state, setState] = useState<VerificationState>({ status: 'idle' });
  const verify = useCallback(async (text: string) => {
    const input = readVerifyInput(text);
    if (input.kind === 'empty') return setState({ status: 'input-problem', messageKey: 'verify.empty' });
    if (input.kind === 'unknown') return setState({ status: 'input-problem', messageKey: 'verify.unknownInput' });
    if (input.kind === 'bad-json') return setState({ status: 'input-problem', messageKey: 'verify.badJson', values: { reason: input.reason } });
    setState({ status: 'working' });
    try {
      const network = await nodeApi.network();
      if (!isSuiteSupported(network)) return setState({ status: 'input-problem', messageKey: 'verify.unsupportedSuite', values: { suite: network.genesis.suite } });
      let proof: TransactionProof;
      if (input.kind === 'proof') proof = input.proof;
      else {
        const fetched = input.kind === 'code' ? await fetchProofForCode(input.code) : await fetchProofForId(input.id);
        if (fetched === null) return setState({ status: 'input-problem', messageKey: 'verify.notFound' });
        proof = fetched;
      }
      setState({ status: 'checked', proof, network, outcome: checkProof(proof, network), source: input.kind === 'proof' ? 'pasted' : 'fetched' });
    } catch (error) {
      setState({ status: 'error', error });
    }
    return undefined;
  }, []);
  return { state, verify };
}
