import type { TFunction } from 'i18next';
import type { ProofVerdict, TransactionProof } from '@sdk';
import { formatTime } from '../i18n/format-time.ts';
import { en } from '../i18n/en.ts';
import type { Language } from '../i18n/i18n.ts';

/** A check's name in the reader's language (unknown names shown as they are). */
export function checkName(t: TFunction, name: string): string {
  return name in en.checks.names ? t(`checks.names.${name}`) : name;
}

/** A check's detail in the reader's language; details with values the SDK adds stay in its words. */
export function checkDetail(t: TFunction, detail: string): string {
  return detail in en.checks.details ? t(`checks.details.${detail}`) : detail;
}

// The SDK's verdict says, in English, what a proof shows: English readers get its
// words. For Chinese the same statements are built from the proof's own fields, in the
// SDK's order; if the SDK ever says more or other things, its own words are shown.
const provesKeys = ['signed', 'included', 'executed'] as const;
const doesNotProveKeys = ['identity', 'growth', 'facts'] as const;

export function describeProves(t: TFunction, language: Language, verdict: ProofVerdict, proof: TransactionProof): string[] {
  if (language === 'en' || verdict.proves.length !== provesKeys.length) return verdict.proves;
  const failed = proof.result.status === 'failed';
  const values = {
    signer: proof.tx.signer,
    call: `${proof.tx.contract}.${proof.tx.fn}`,
    network: proof.network,
    seq: proof.seq,
    height: proof.header.height,
    time: formatTime(proof.header.time, language, { seconds: true }),
    status: t(failed ? 'tx.failed' : 'tx.ok'),
    code: failed ? ` (${proof.result.status === 'failed' ? proof.result.code : ''})` : '',
  };
  return provesKeys.map((key) => t(`verdict.proves.${key}`, values));
}

export function describeDoesNotProve(t: TFunction, language: Language, verdict: ProofVerdict): string[] {
  if (language === 'en' || verdict.doesNotProve.length !== doesNotProveKeys.length) return verdict.doesNotProve;
  return doesNotProveKeys.map((key) => t(`verdict.doesNotProve.${key}`));
}
