// Golden vectors of every hashed or signed Custos structure (docs/FORMATS.md).
//
// The files in test/vectors/ were generated ONCE, from fixed keys, fixed times
// and fixed nonces, by the ledger code of the first release, and are never
// regenerated. This file recomputes every value in them, twice where it can:
// through the modules that build the bytes, and independently from the
// written rules (tag || 0x00 || JCS, SHA-256, RFC 9162), as an auditor would.
//
// A failure here means a FORMAT CHANGED: every stored ledger, signature and
// proof made before no longer checks. Do not edit or regenerate a vector to
// make this pass. Fix the code; or, if the change is wanted, version the
// format (new domain tag or `v`), keep the old vectors and add new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { base64urlToBytes, bytesToBase64url, bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '../crypto/bytes.ts';
import { canonicalBytes, canonicalize, type JsonObject } from '../crypto/canonical-json.ts';
import { domainTags, taggedBytes, type DomainTag } from '../crypto/domain-tags.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { sm2Suite } from '../crypto/sm2-suite.ts';
import type { SigningKey } from '../crypto/suite.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { createMemoryNodeStore, createMerkleLog, emptyRoot, inclusionProofFromLeafHashes, leafHash, merkleTreeHash, verifyConsistency } from '../merkle/index.ts';
import { admitTransaction } from './admission.ts';
import { blockHash, blockHeaderSigningBytes, signBlockHeader, verifyBlockHeaderSignature, type BlockHeader } from './block-header.ts';
import { checkpointSigningBytes, signCheckpoint, verifyCheckpointSignature, type Checkpoint } from './checkpoint.ts';
import { decodeGenesis, genesisHash, type Genesis } from './genesis.ts';
import { resultLeafData, transactionLeafData } from './leaves.ts';
import type { TransactionProof } from './proof.ts';
import type { TransactionResult } from './result.ts';
import { addDigest, digestSumToHex, stateEntryDigest, stateRootOf, zeroDigestSum } from './state-root.ts';
import { computeTxId, decodeTransaction, signTransaction, transactionBody, transactionSigningBytes, type SignedTransaction, type TransactionBody } from './transaction.ts';
import { verifyTransactionProof } from './verify-proof.ts';

function loadVector<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../test/vectors/${name}`, import.meta.url), 'utf8')) as T;
}

// ---------- independent recomputation (what docs/FORMATS.md tells an auditor to do)

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());
const sm3 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sm3').update(data).digest());
const hexOf = (data: Uint8Array): string => Buffer.from(data).toString('hex');
const fromHex = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
/** tag || 0x00 || payload, written out from the spec rather than through domain-tags.ts. */
const tagged = (tag: string, payload: Uint8Array): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from(tag, 'utf8'), Buffer.from([0]), payload]));
/** RFC 9162 §2.1.1 leaf hash with SHA-256. */
const rfcLeaf = (data: Uint8Array): Uint8Array => sha256(concatBytes(new Uint8Array([0]), data));
/** RFC 9162 §2.1.1 MTH over leaf hashes, by the recursive definition. */
function rfcRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(concatBytes(new Uint8Array([1]), rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k))));
}

const ed25519Pkcs8Prefix = '302e020100300506032b657004220420';

// ---------- vector shapes

interface JcsVectors {
  pairs: { name: string; input: string; output: string; outputHex?: string }[];
  numbers: { samples: ({ ieee754: string; output: string } | { ieee754: string; refused: string })[] };
  refusals: { cases: { name: string; input: string; code: string }[] };
}
interface EncodingVectors {
  base64url: { valid: { hex: string; text: string }[]; rejected: { text: string; why: string }[] };
  hex: { valid: { text: string; canonical: string }[]; rejected: { text: string; why: string }[] };
}
interface TagVectors {
  tags: { purpose: string; tag: string; prefixHex: string }[];
  example: { purpose: string; payloadUtf8: string; bytesHex: string };
}
interface KeyVectors {
  ed25519: Record<'member' | 'orderer' | 'node', { seed: string; pkcs8: string; publicKey: string; publicKeyHex: string }>;
  rfc8032Test1: { message: string; signature: string };
  sm2: { pkcs8: string; publicKey: string };
  hashes: { suite: string; algorithm: string; inputUtf8: string; digest: string }[];
}
interface TransactionVector {
  body: TransactionBody;
  bodyJcs: string;
  signingBytesHex: string;
  txId: string;
  sig: string;
  signed: SignedTransaction;
  signedJcs: string;
  leafDataHex: string;
  leafHash: string;
}
interface Sm2TransactionVector {
  body: TransactionBody;
  signingBytesHex: string;
  txId: string;
  sig: string;
}
interface LedgerVector {
  genesis: Genesis;
  genesisJcs: string;
  genesisHashInputHex: string;
  genesisHash: string;
  emptyRoot: string;
  blocks: {
    header: BlockHeader;
    headerSigningBytesHex: string;
    hash: string;
    transactions: {
      seq: number;
      txId: string;
      tx: SignedTransaction;
      leafDataHex: string;
      leafHash: string;
      result: TransactionResult;
      resultJcs: string;
      resultLeafDataHex: string;
      resultLeafHash: string;
    }[];
    checkpoint: Checkpoint;
    checkpointSigningBytesHex: string;
  }[];
  state: {
    entries: { collection: string; id: string; version: number; doc: JsonObject; entryJcs: string; digest: string }[];
    sum: string;
    height: number;
    stateRootInputJcs: string;
    stateRoot: string;
    afterBlock1: { sum: string; height: number; stateRoot: string };
  };
}
interface ProofVectors {
  trust: { network: string; orderers: string[]; nodes: string[] };
  transactionProofs: { name: string; proof: TransactionProof }[];
  consistency: { from: number; to: number; fromRoot: string; toRoot: string; proof: string[] };
}

const jcs = loadVector<JcsVectors>('jcs.json');
const encoding = loadVector<EncodingVectors>('encoding.json');
const tags = loadVector<TagVectors>('domain-tags.json');
const keys = loadVector<KeyVectors>('keys.json');
const txVector = loadVector<TransactionVector>('transaction.json');
const sm2TxVector = loadVector<Sm2TransactionVector>('sm2-transaction.json');
const ledger = loadVector<LedgerVector>('ledger.json');
const proofs = loadVector<ProofVectors>('proofs.json');

const keyOf = (name: 'member' | 'orderer' | 'node'): SigningKey => ed25519Suite.signingKeyFromPkcs8(fromHex(ed25519Pkcs8Prefix + keys.ed25519[name].seed));

// ---------- canonical JSON and byte encodings

test('JCS vectors: every input canonicalizes to its output (RFC 8785 examples, JCS test data, Custos cases)', () => {
  assert.ok(jcs.pairs.length >= 15, 'the vector file lost pairs');
  for (const pair of jcs.pairs) {
    const parsed: unknown = JSON.parse(pair.input);
    assert.equal(canonicalize(parsed), pair.output, pair.name);
    assert.equal(canonicalize(JSON.parse(pair.output)), pair.output, `${pair.name}: output is a fixed point`);
    if (pair.outputHex !== undefined) assert.equal(bytesToHex(canonicalBytes(parsed)), pair.outputHex, `${pair.name}: UTF-8 bytes`);
  }
});

test('JCS vectors: RFC 8785 Appendix B number samples', () => {
  const view = new DataView(new ArrayBuffer(8));
  assert.equal(jcs.numbers.samples.length, 26);
  for (const sample of jcs.numbers.samples) {
    view.setBigUint64(0, BigInt(`0x${sample.ieee754}`));
    const value = view.getFloat64(0);
    if ('output' in sample) assert.equal(canonicalize(value), sample.output, sample.ieee754);
    else assert.throws(() => canonicalize(value), (error: unknown) => isCustosError(error) && error.code === sample.refused, sample.ieee754);
  }
});

test('JCS vectors: values a JSON parser accepts but Custos refuses', () => {
  for (const refusal of jcs.refusals.cases) {
    const parsed: unknown = JSON.parse(refusal.input);
    assert.throws(() => canonicalize(parsed), (error: unknown) => isCustosError(error) && error.code === refusal.code, refusal.name);
  }
});

test('encoding vectors: strict base64url and hex', () => {
  for (const { hex, text } of encoding.base64url.valid) {
    assert.equal(bytesToBase64url(fromHex(hex)), text, `encode ${hex}`);
    assert.equal(bytesToHex(base64urlToBytes(text) ?? new Uint8Array([0xde, 0xad])), hex, `decode ${text}`);
  }
  for (const { text, why } of encoding.base64url.rejected) assert.equal(base64urlToBytes(text), undefined, `${JSON.stringify(text)}: ${why}`);
  for (const { text, canonical } of encoding.hex.valid) {
    const bytes = hexToBytes(text);
    assert.ok(bytes !== undefined, `hex ${text} decodes`);
    assert.equal(bytesToHex(bytes), canonical, `hex ${text}`);
  }
  for (const { text, why } of encoding.hex.rejected) assert.equal(hexToBytes(text), undefined, `${JSON.stringify(text)}: ${why}`);
});

// ---------- tags, keys, hashes

test('domain tag vectors: exact prefix bytes of every purpose, and no purpose without a vector', () => {
  assert.deepEqual(
    tags.tags.map((t) => t.purpose).sort(),
    Object.keys(domainTags).sort(),
    'a domain tag was added or removed: add its vector and its FORMATS.md entry (never change an existing one)',
  );
  for (const { purpose, tag, prefixHex } of tags.tags) {
    assert.equal(domainTags[purpose as DomainTag], tag, purpose);
    assert.equal(bytesToHex(taggedBytes(purpose as DomainTag, new Uint8Array(0))), prefixHex, purpose);
    assert.equal(hexOf(tagged(tag, new Uint8Array(0))), prefixHex, `${purpose} from the written rule`);
  }
  assert.equal(bytesToHex(taggedBytes(tags.example.purpose as DomainTag, utf8ToBytes(tags.example.payloadUtf8))), tags.example.bytesHex);
});

test('key vectors: fixed Ed25519 seeds give fixed PKCS#8 and public keys', () => {
  for (const name of ['member', 'orderer', 'node'] as const) {
    const vector = keys.ed25519[name];
    assert.equal(vector.pkcs8, ed25519Pkcs8Prefix + vector.seed, name);
    const key = keyOf(name);
    assert.equal(key.publicKey, vector.publicKey, name);
    assert.equal(key.publicKey, `ed25519:${bytesToBase64url(fromHex(vector.publicKeyHex))}`, `${name}: ed25519: || base64url(raw key)`);
    assert.equal(bytesToHex(key.exportPkcs8()), vector.pkcs8, `${name}: PKCS#8 export`);
  }
  // RFC 8032 §7.1 TEST 1 public key: the member key is the RFC's.
  assert.equal(keys.ed25519.member.publicKeyHex, 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
});

test('key vectors: pure Ed25519 (RFC 8032 §7.1 TEST 1 signature of the empty message)', () => {
  assert.equal(bytesToHex(keyOf('member').sign(new Uint8Array(0))), keys.rfc8032Test1.signature);
  assert.equal(ed25519Suite.verify(keys.ed25519.member.publicKey, new Uint8Array(0), fromHex(keys.rfc8032Test1.signature)), true);
});

test('key vectors: the fixed SM2 key and the suites\u2019 hash known answers', () => {
  assert.equal(sm2Suite.signingKeyFromPkcs8(fromHex(keys.sm2.pkcs8)).publicKey, keys.sm2.publicKey);
  for (const vector of keys.hashes) {
    const suite = vector.suite === 'sm2-sm3' ? sm2Suite : ed25519Suite;
    assert.equal(bytesToHex(suite.hash(utf8ToBytes(vector.inputUtf8))), vector.digest, `${vector.algorithm}(${JSON.stringify(vector.inputUtf8)})`);
  }
});

// ---------- transactions

test('transaction vector: body JCS, signing bytes, txId, signature, signed form, leaf', () => {
  const v = txVector;
  assert.equal(canonicalize(v.body), v.bodyJcs, 'JCS of the body');
  assert.equal(bytesToHex(transactionSigningBytes(v.body)), v.signingBytesHex, 'signing bytes');
  assert.equal(hexOf(tagged('custos/v1/transaction', Buffer.from(v.bodyJcs, 'utf8'))), v.signingBytesHex, 'signing bytes from the written rule');
  assert.equal(computeTxId(ed25519Suite, v.body), v.txId, 'txId');
  assert.equal(hexOf(sha256(fromHex(v.signingBytesHex))), v.txId, 'txId = SHA-256(signing bytes)');
  assert.equal(signTransaction(v.body, keyOf('member')).sig, v.sig, 'Ed25519 signature (deterministic)');
  assert.equal(ed25519Suite.verify(v.body.signer, fromHex(v.signingBytesHex), base64urlToBytes(v.sig)!), true, 'signature verifies');
  assert.deepEqual(v.signed, { ...v.body, sig: v.sig });
  assert.equal(canonicalize(v.signed), v.signedJcs, 'JCS of the signed transaction');
  assert.deepEqual(transactionBody(decodeTransaction(JSON.parse(v.signedJcs))), v.body, 'the stored form decodes back to the body');

  const admitted = admitTransaction(v.signedJcs, { suite: ed25519Suite, network: v.body.network, limits: { maxBytes: 65536 } });
  assert.equal(admitted.txId, v.txId, 'admission computes the same txId');
  assert.equal(admitted.canonical, v.signedJcs, 'admission stores the same canonical text');

  assert.equal(bytesToHex(transactionLeafData(ed25519Suite.hash, v.txId, v.sig)), v.leafDataHex, 'tx leaf data');
  const independentLeafData = tagged('custos/v1/tx-leaf', concatBytes(fromHex(v.txId), sha256(base64urlToBytes(v.sig)!)));
  assert.equal(hexOf(independentLeafData), v.leafDataHex, 'tx leaf data = tag || txId || SHA-256(sig bytes)');
  assert.equal(bytesToHex(leafHash(ed25519Suite.hash, fromHex(v.leafDataHex))), v.leafHash, 'RFC 9162 leaf hash');
  assert.equal(hexOf(rfcLeaf(fromHex(v.leafDataHex))), v.leafHash, 'leaf hash = SHA-256(0x00 || leaf data)');
});

test('SM2 transaction vector: signing bytes, SM3 txId, the stored signature verifies', () => {
  const v = sm2TxVector;
  assert.equal(v.body.signer, keys.sm2.publicKey);
  assert.equal(bytesToHex(transactionSigningBytes(v.body)), v.signingBytesHex);
  assert.equal(hexOf(tagged('custos/v1/transaction', canonicalBytes(v.body))), v.signingBytesHex);
  assert.equal(computeTxId(sm2Suite, v.body), v.txId);
  assert.equal(hexOf(sm3(fromHex(v.signingBytesHex))), v.txId, 'txId = SM3(signing bytes)');
  assert.equal(sm2Suite.verify(v.body.signer, fromHex(v.signingBytesHex), base64urlToBytes(v.sig)!), true, 'stored SM2 signature verifies');
  const admitted = admitTransaction(JSON.stringify({ ...v.body, sig: v.sig }), { suite: sm2Suite, network: v.body.network, limits: { maxBytes: 65536 } });
  assert.equal(admitted.txId, v.txId);
});

// ---------- genesis, blocks, results, checkpoints

test('genesis vector: JCS, hashed bytes and genesis hash (the prevHash of block 1)', () => {
  assert.deepEqual(decodeGenesis(structuredClone(ledger.genesis)), ledger.genesis, 'the vector genesis is valid');
  assert.equal(canonicalize(ledger.genesis), ledger.genesisJcs);
  assert.equal(bytesToHex(taggedBytes('genesis', canonicalBytes(ledger.genesis))), ledger.genesisHashInputHex);
  assert.equal(hexOf(tagged('custos/v1/genesis', Buffer.from(ledger.genesisJcs, 'utf8'))), ledger.genesisHashInputHex);
  assert.equal(genesisHash(ed25519Suite, ledger.genesis), ledger.genesisHash);
  assert.equal(hexOf(sha256(fromHex(ledger.genesisHashInputHex))), ledger.genesisHash);
  assert.equal(ledger.blocks[0]!.header.prevHash, ledger.genesisHash, 'block 1 links to the genesis hash');
  assert.equal(ledger.genesis.orderers[0], keys.ed25519.orderer.publicKey);
  assert.equal(ledger.genesis.nodes[0], keys.ed25519.node.publicKey);
  assert.equal(bytesToHex(emptyRoot(ed25519Suite.hash)), ledger.emptyRoot, 'MTH({}) = SHA-256 of the empty string');
});

test('block vectors: tx leaves, txRoot, logRoot, header signing bytes, hash, orderer signature, hash chain', () => {
  const allLeaves: Uint8Array[] = [];
  let prevHash = ledger.genesisHash;
  for (const block of ledger.blocks) {
    const { header } = block;
    const name = `block ${String(header.height)}`;
    const blockLeaves: Uint8Array[] = [];
    for (const entry of block.transactions) {
      const at = `${name} seq ${String(entry.seq)}`;
      assert.equal(entry.seq, allLeaves.length, `${at}: seq is the leaf index in the log`);
      assert.equal(computeTxId(ed25519Suite, transactionBody(entry.tx)), entry.txId, `${at}: txId`);
      assert.equal(ed25519Suite.verify(entry.tx.signer, transactionSigningBytes(transactionBody(entry.tx)), base64urlToBytes(entry.tx.sig)!), true, `${at}: member signature`);
      assert.equal(bytesToHex(transactionLeafData(ed25519Suite.hash, entry.txId, entry.tx.sig)), entry.leafDataHex, `${at}: leaf data`);
      assert.equal(hexOf(rfcLeaf(fromHex(entry.leafDataHex))), entry.leafHash, `${at}: leaf hash`);
      blockLeaves.push(fromHex(entry.leafHash));
      allLeaves.push(fromHex(entry.leafHash));
    }
    assert.equal(header.v, 1, name);
    assert.equal(header.network, ledger.genesis.network, name);
    assert.equal(header.prevHash, prevHash, `${name}: prevHash`);
    assert.equal(header.txRoot, bytesToHex(merkleTreeHash(ed25519Suite.hash, blockLeaves)), `${name}: txRoot`);
    assert.equal(header.txRoot, hexOf(rfcRoot(blockLeaves)), `${name}: txRoot by the RFC recursion`);
    assert.equal(header.logSize, allLeaves.length, `${name}: logSize`);
    assert.equal(header.logRoot, hexOf(rfcRoot(allLeaves)), `${name}: logRoot over every leaf since genesis`);

    const { sig, ...unsigned } = header;
    assert.equal(bytesToHex(blockHeaderSigningBytes(unsigned)), block.headerSigningBytesHex, `${name}: signing bytes`);
    assert.equal(hexOf(tagged('custos/v1/block-header', canonicalBytes(unsigned))), block.headerSigningBytesHex, `${name}: signing bytes from the written rule`);
    assert.equal(blockHash(ed25519Suite, header), block.hash, `${name}: hash`);
    assert.equal(hexOf(sha256(fromHex(block.headerSigningBytesHex))), block.hash, `${name}: hash = SHA-256(signing bytes)`);
    assert.equal(signBlockHeader(unsigned, keyOf('orderer')).sig, sig, `${name}: orderer signature (deterministic)`);
    assert.equal(verifyBlockHeaderSignature(ed25519Suite, header), true, `${name}: signature verifies`);
    prevHash = block.hash;
  }
});

test('result and checkpoint vectors: result JCS and leaves, resultsRoot, checkpoint bytes and node signature', () => {
  for (const block of ledger.blocks) {
    const name = `block ${String(block.header.height)}`;
    const resultLeaves: Uint8Array[] = [];
    for (const entry of block.transactions) {
      const at = `${name} seq ${String(entry.seq)}`;
      assert.equal(canonicalize(entry.result), entry.resultJcs, `${at}: result JCS`);
      assert.equal(bytesToHex(resultLeafData(entry.txId, entry.result)), entry.resultLeafDataHex, `${at}: result leaf data`);
      assert.equal(hexOf(tagged('custos/v1/result-leaf', concatBytes(fromHex(entry.txId), utf8ToBytes(entry.resultJcs)))), entry.resultLeafDataHex, `${at}: tag || txId || JCS(result)`);
      assert.equal(hexOf(rfcLeaf(fromHex(entry.resultLeafDataHex))), entry.resultLeafHash, `${at}: result leaf hash`);
      resultLeaves.push(fromHex(entry.resultLeafHash));
    }
    const { checkpoint } = block;
    assert.equal(checkpoint.v, 1, name);
    assert.equal(checkpoint.network, ledger.genesis.network, name);
    assert.equal(checkpoint.height, block.header.height, `${name}: checkpoint height`);
    assert.equal(checkpoint.blockHash, block.hash, `${name}: checkpoint names the block hash`);
    assert.equal(checkpoint.resultsRoot, hexOf(rfcRoot(resultLeaves)), `${name}: resultsRoot`);
    assert.equal(checkpoint.signer, keys.ed25519.node.publicKey, name);
    const { sig, ...unsigned } = checkpoint;
    assert.equal(bytesToHex(checkpointSigningBytes(unsigned)), block.checkpointSigningBytesHex, `${name}: checkpoint signing bytes`);
    assert.equal(hexOf(tagged('custos/v1/checkpoint', canonicalBytes(unsigned))), block.checkpointSigningBytesHex, `${name}: from the written rule`);
    assert.equal(signCheckpoint(unsigned, keyOf('node')).sig, sig, `${name}: node signature (deterministic)`);
    assert.equal(verifyCheckpointSignature(ed25519Suite, checkpoint), true, `${name}: signature verifies`);
  }
  const statuses = ledger.blocks.flatMap((b) => b.transactions.map((t) => (t.result.status === 'ok' ? 'ok' : t.result.code)));
  assert.deepEqual(statuses, ['ok', 'ok', 'ok', 'NOTARY_ALREADY_ANCHORED', 'LEDGER_TX_UNKNOWN_FUNCTION'], 'failed transactions stay in the ledger');
});

// ---------- state

test('state vectors: entry digests, AdHash sum mod 2^256, stateRoot bound to the height', () => {
  const { state } = ledger;
  let sum = 0n;
  const moduleSum = zeroDigestSum();
  for (const entry of state.entries) {
    const at = `${entry.collection}/${entry.id}`;
    assert.equal(canonicalize({ c: entry.collection, id: entry.id, v: entry.version, d: entry.doc }), entry.entryJcs, `${at}: entry JCS`);
    const digest = sha256(tagged('custos/v1/state-entry', utf8ToBytes(entry.entryJcs)));
    assert.equal(hexOf(digest), entry.digest, `${at}: digest = SHA-256(tag || JCS({c, d, id, v}))`);
    const moduleDigest = stateEntryDigest(ed25519Suite.hash, entry.collection, entry.id, entry.version, canonicalize(entry.doc));
    assert.equal(bytesToHex(moduleDigest), entry.digest, `${at}: state-root.ts digest`);
    sum = (sum + BigInt(`0x${entry.digest}`)) % (1n << 256n);
    addDigest(moduleSum, moduleDigest);
  }
  assert.equal(sum.toString(16).padStart(64, '0'), state.sum, 'sum of the digests as 256-bit big-endian integers, mod 2^256');
  assert.equal(digestSumToHex(moduleSum), state.sum, 'state-root.ts sum');
  assert.equal(canonicalize({ height: state.height, sum: state.sum }), state.stateRootInputJcs);
  assert.equal(hexOf(sha256(tagged('custos/v1/state-root', utf8ToBytes(state.stateRootInputJcs)))), state.stateRoot, 'stateRoot = SHA-256(tag || JCS({height, sum}))');
  assert.equal(stateRootOf(ed25519Suite.hash, moduleSum, state.height), state.stateRoot, 'state-root.ts stateRoot');
  assert.equal(ledger.blocks[1]!.checkpoint.stateRoot, state.stateRoot, 'the block 2 checkpoint signs this stateRoot');

  const first = state.afterBlock1;
  const sum1 = (BigInt(`0x${state.entries[0]!.digest}`) + BigInt(`0x${state.entries[1]!.digest}`)) % (1n << 256n);
  assert.equal(sum1.toString(16).padStart(64, '0'), first.sum, 'after block 1: documents A and B');
  assert.equal(hexOf(sha256(tagged('custos/v1/state-root', utf8ToBytes(canonicalize({ height: 1, sum: first.sum }))))), first.stateRoot);
  assert.equal(ledger.blocks[0]!.checkpoint.stateRoot, first.stateRoot, 'the block 1 checkpoint signs it');
});

// ---------- proofs

const checkNames = ['network', 'transaction id', 'transaction signature', 'block header signature', 'inclusion in the ledger log', 'checkpoint signature', 'result in the checkpoint'];

test('proof vectors: every bundle verifies, check by check, and its paths are the RFC 9162 paths', () => {
  const allLeaves = ledger.blocks.flatMap((b) => b.transactions.map((t) => fromHex(t.leafHash)));
  assert.deepEqual(proofs.trust, { network: ledger.genesis.network, orderers: ledger.genesis.orderers, nodes: ledger.genesis.nodes });
  for (const { name, proof } of proofs.transactionProofs) {
    const verdict = verifyTransactionProof(proof, proofs.trust, ed25519Suite);
    assert.deepEqual(verdict.checks.map((c) => c.name), checkNames, `${name}: checks, in order`);
    for (const check of verdict.checks) assert.equal(check.ok, true, `${name}: ${check.name}: ${check.detail}`);
    assert.equal(verdict.ok, true, name);

    const block = ledger.blocks.find((b) => b.header.height === proof.header.height)!;
    const entry = block.transactions[proof.resultIndex]!;
    assert.deepEqual(proof.header, block.header, `${name}: header`);
    assert.deepEqual(proof.checkpoint, block.checkpoint, `${name}: checkpoint`);
    assert.equal(proof.txId, entry.txId, `${name}: txId`);
    assert.equal(proof.seq, entry.seq, `${name}: seq`);
    assert.deepEqual(proof.result, entry.result, `${name}: result`);
    const inclusion = inclusionProofFromLeafHashes(ed25519Suite.hash, allLeaves.slice(0, proof.header.logSize), proof.seq).map(bytesToHex);
    assert.deepEqual(proof.inclusion, inclusion, `${name}: inclusion path`);
    const resultLeaves = block.transactions.map((t) => fromHex(t.resultLeafHash));
    assert.deepEqual(proof.resultProof, inclusionProofFromLeafHashes(ed25519Suite.hash, resultLeaves, proof.resultIndex).map(bytesToHex), `${name}: result path`);
  }
});

test('proof vectors: a changed field fails exactly the check that covers it', () => {
  const base = proofs.transactionProofs[0]!.proof;
  const cases: [string, (p: TransactionProof) => void, string][] = [
    ['tx title', (p) => { p.tx.args['title'] = 'Document D'; }, 'transaction id'],
    ['txId', (p) => { p.txId = p.txId.replace(/^./, (c) => (c === '0' ? '1' : '0')); }, 'transaction id'],
    ['seq', (p) => { p.seq += 1; }, 'inclusion in the ledger log'],
    ['inclusion path', (p) => { p.inclusion = p.inclusion.slice(1); }, 'inclusion in the ledger log'],
    ['header time', (p) => { p.header.time += 1; }, 'block header signature'],
    ['result status', (p) => { p.result = { status: 'failed', code: 'X', message: 'x', events: [] }; }, 'result in the checkpoint'],
    ['checkpoint stateRoot', (p) => { p.checkpoint.stateRoot = '00'.repeat(32); }, 'checkpoint signature'],
    ['network', (p) => { p.network = 'other'; }, 'network'],
  ];
  for (const [what, mutate, expectedFailure] of cases) {
    const proof = structuredClone(base);
    mutate(proof);
    const verdict = verifyTransactionProof(proof, proofs.trust, ed25519Suite);
    assert.equal(verdict.ok, false, what);
    assert.equal(verdict.checks.find((c) => c.name === expectedFailure)?.ok, false, `${what} fails "${expectedFailure}"`);
  }
});

test('consistency vector: the log after block 2 extends the log after block 1 (RFC 9162 §2.1.4)', () => {
  const c = proofs.consistency;
  assert.equal(c.from, ledger.blocks[0]!.header.logSize);
  assert.equal(c.to, ledger.blocks[1]!.header.logSize);
  assert.equal(c.fromRoot, ledger.blocks[0]!.header.logRoot, 'fromRoot is the root block 1 signed');
  assert.equal(c.toRoot, ledger.blocks[1]!.header.logRoot, 'toRoot is the root block 2 signed');
  assert.equal(verifyConsistency(ed25519Suite.hash, c.from, c.to, fromHex(c.fromRoot), fromHex(c.toRoot), c.proof.map(fromHex)), true);
  const log = createMerkleLog({ hash: ed25519Suite.hash, store: createMemoryNodeStore() });
  for (const block of ledger.blocks) for (const t of block.transactions) log.appendLeafHash(fromHex(t.leafHash));
  assert.deepEqual(log.consistencyProof(c.from, c.to).map(bytesToHex), c.proof, 'the same proof from a fresh log');
  const wrong = c.proof.map((h, i) => (i === 0 ? h.replace(/^./, (ch) => (ch === '0' ? '1' : '0')) : h));
  assert.equal(verifyConsistency(ed25519Suite.hash, c.from, c.to, fromHex(c.fromRoot), fromHex(c.toRoot), wrong.map(fromHex)), false);
});
