import { bytesToBase64url } from '@custos/crypto/bytes.ts';
import type { JsonObject } from '@custos/crypto/canonical-json.ts';
import { keyPossessionBytes, type KeyPossessionStatement } from '@custos/node/accounts/key-possession.ts';
import { createTransaction, signTransactionWith, webCryptoSigner } from '@sdk';
import { browserKeyId, type BrowserKeyRecord } from './browser-key-store.ts';
import { requestJson } from './http.ts';
import { failedCall, type ActionSigner, type SubmitOutcome } from './signer.ts';

/** Steps of turning on a browser key, for the progress the console shows. */
export type BrowserKeyPhase = 'generating' | 'certifying' | 'enrolling';

interface Challenge {
  challenge: string;
  expiresAt: number;
  statement: Omit<KeyPossessionStatement, 'publicKey' | 'challenge'>;
}

interface Certified {
  certificate: string;
  publicKey: string;
  org: string;
  memberId: string;
  notAfter: number;
}

/** Submits a transaction this browser signed; the node only relays it. A contract's refusal is thrown like nodeHeldSigner's. */
async function relay(body: ReturnType<typeof createTransaction>, privateKey: CryptoKey): Promise<SubmitOutcome & { height: number }> {
  const tx = await signTransactionWith(body, webCryptoSigner(privateKey));
  const outcome = await requestJson<SubmitOutcome>('/v1/transactions?wait=true', { method: 'POST', body: tx });
  if (outcome.result?.status !== 'ok') throw failedCall(outcome);
  return { ...outcome, height: outcome.height ?? 0 };
}

/**
 * Makes a key for the signed-in member in this browser: a non-extractable
 * Ed25519 key pair; its public key signs the node's challenge (proof of
 * possession) and the node's organization CA certifies it with the member's
 * id, roles and attributes; the browser then signs the `identity.enroll`
 * transaction with the new key and submits it. Returns the record to store.
 */
export async function createBrowserKey(onPhase: (phase: BrowserKeyPhase) => void): Promise<BrowserKeyRecord> {
  onPhase('generating');
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = `ed25519:${bytesToBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)))}`;

  onPhase('certifying');
  const issued = await requestJson<Challenge>('/v1/me/browser-key/challenge', { method: 'POST', member: true });
  const proof = new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, keyPossessionBytes({ ...issued.statement, publicKey, challenge: issued.challenge }) as BufferSource));
  const certified = await requestJson<Certified>('/v1/me/browser-key/certify', {
    method: 'POST',
    member: true,
    body: { publicKey, challenge: issued.challenge, signature: bytesToBase64url(proof) },
  });

  onPhase('enrolling');
  const network = issued.statement.network;
  const enroll = createTransaction({ network, contract: 'identity', fn: 'enroll', args: { certificate: certified.certificate }, signer: publicKey });
  const enrolled = await relay(enroll, pair.privateKey);
  return {
    id: browserKeyId(certified),
    network,
    org: certified.org,
    memberId: certified.memberId,
    publicKey,
    privateKey: pair.privateKey,
    certificate: certified.certificate,
    notAfter: certified.notAfter,
    enrolledTxId: enrolled.txId,
    active: true,
    createdAt: Date.now(),
  };
}

/** The second signing kind: transactions built with the SDK and signed in this browser with the member's own key. */
export function browserKeySigner(record: Pick<BrowserKeyRecord, 'network' | 'publicKey' | 'privateKey'>): ActionSigner {
  return {
    kind: 'browser',
    async submit(call) {
      const body = createTransaction({ network: record.network, contract: call.contract, fn: call.fn, args: call.args as JsonObject, signer: record.publicKey });
      const outcome = await relay(body, record.privateKey);
      return { txId: outcome.txId, height: outcome.height, value: outcome.result?.value };
    },
  };
}
