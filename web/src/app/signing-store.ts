import { useMemo, useSyncExternalStore } from 'react';
import i18next from 'i18next';
import { CustosApiError } from '@sdk';
import { browserKeySigner, createBrowserKey, type BrowserKeyPhase } from '../api/browser-key.ts';
import { browserKeyId, browserKeyMark, browserKeyStore, type BrowserKeyRecord } from '../api/browser-key-store.ts';
import { nodeHeldSigner, type ActionSigner } from '../api/signer.ts';
import { stateApi } from '../api/state-api.ts';
import { noticeForLedgerMember, noticeForSubmitError, type LedgerMember, type SigningNotice } from './signing-notice.ts';

export type { SigningNotice };

export interface SigningState {
  /** `<org>/<memberId>` of the signed-in member, or null. */
  id: string | null;
  /** This browser's key for the member, used or not. */
  record: BrowserKeyRecord | null;
  /** Set while a browser key is being made, certified and enrolled. */
  settingUp: BrowserKeyPhase | null;
  notice: SigningNotice | null;
  /** Why turning on a browser key failed. */
  error: unknown;
}

const initial: SigningState = { id: null, record: null, settingUp: null, notice: null, error: null };
let state: SigningState = initial;
let generation = 0;
const listeners = new Set<() => void>();

function set(next: Partial<SigningState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSigningState(): SigningState {
  return useSyncExternalStore(subscribe, () => state);
}

/** True when this browser can hold a non-extractable key (WebCrypto needs HTTPS or localhost). */
export function browserKeysSupported(): boolean {
  return typeof globalThis.crypto?.subtle?.generateKey === 'function' && typeof indexedDB !== 'undefined';
}

/** What the ledger says of a stored key: null when it may sign. */
async function ledgerNotice(record: BrowserKeyRecord): Promise<SigningNotice | null> {
  try {
    return noticeForLedgerMember(record, (await stateApi.get<LedgerMember>('identity.members', record.publicKey)).doc, Date.now());
  } catch (error: unknown) {
    if (error instanceof CustosApiError && error.status === 404) return noticeForLedgerMember(record, undefined, Date.now());
    return null; // The node cannot be asked now; a refused transaction will say so.
  }
}

/**
 * Loads the signed-in member's browser key, if any, and checks it against the
 * ledger. A key the member chose that is gone from this browser, revoked,
 * expired or unknown to the ledger becomes a notice: the console does not
 * silently fall back to the node-held key, it asks.
 */
export async function loadSigning(member: { org: string; memberId: string } | null): Promise<void> {
  generation += 1;
  const mine = generation;
  if (member === null) {
    set(initial);
    return;
  }
  const id = browserKeyId(member);
  set({ ...initial, id });
  let record: BrowserKeyRecord | undefined;
  try {
    record = browserKeysSupported() ? await browserKeyStore.get(id) : undefined;
  } catch {
    record = undefined;
  }
  if (mine !== generation) return;
  const marked = browserKeyMark.get(id);
  if (record === undefined) {
    set({ record: null, notice: marked === null ? null : 'keyMissing' });
    return;
  }
  set({ record });
  if (!record.active) return;
  const notice = await ledgerNotice(record);
  if (mine === generation) set({ notice });
}

/** Turns on "keep my key in this browser" for the signed-in member. */
export async function turnOnBrowserKey(): Promise<void> {
  const mine = generation;
  set({ settingUp: 'generating', error: null });
  try {
    const record = await createBrowserKey((phase) => set({ settingUp: phase }));
    await browserKeyStore.put(record);
    browserKeyMark.set(record.id, record.publicKey);
    // The old key (switched off, revoked or unknown to the ledger) is replaced; its private half is deleted with it.
    if (mine === generation) set({ id: record.id, record, settingUp: null, notice: null, error: null });
  } catch (error: unknown) {
    if (mine === generation) set({ settingUp: null, error });
  }
}

/** "Use the key held by the node": the browser key is kept but not used; the choice is the member's. */
export async function useNodeHeldKey(): Promise<void> {
  const { id, record } = state;
  if (id === null) return;
  browserKeyMark.clear(id);
  if (record !== null) {
    const off = { ...record, active: false };
    await browserKeyStore.put(off);
    set({ record: off, notice: null, error: null });
  } else {
    set({ notice: null, error: null });
  }
}

/** Switches back to a kept browser key, checking it against the ledger first. */
export async function useBrowserKeyAgain(): Promise<void> {
  const { record } = state;
  if (record === null) return;
  const on = { ...record, active: true };
  await browserKeyStore.put(on);
  browserKeyMark.set(on.id, on.publicKey);
  set({ record: on, notice: await ledgerNotice(on), error: null });
}

/** Deletes this browser's key: its private half is gone for good (the certificate on the ledger then signs nothing). */
export async function forgetBrowserKey(): Promise<void> {
  const { id } = state;
  if (id === null) return;
  await browserKeyStore.remove(id);
  browserKeyMark.clear(id);
  set({ record: null, notice: null, error: null });
}

/** What `useSigner` gives while a chosen browser key cannot sign: nothing is submitted, the member is asked. */
const unavailableSigner: ActionSigner = {
  kind: 'browser',
  submit: () => Promise.reject(new Error(i18next.t('signing.unavailable'))),
};

/** Which signing kind the console uses now. */
export function signingKind(current: SigningState): 'node' | 'browser' {
  return current.notice !== null || (current.record?.active ?? false) ? 'browser' : 'node';
}

/**
 * The signer for the signed-in member's actions: this browser's key when they
 * chose it, the node-held key otherwise. Pages call `useSigner().submit` and
 * never care which.
 */
export function useSigner(): ActionSigner {
  const current = useSigningState();
  const { record, notice } = current;
  return useMemo(() => {
    if (notice !== null) return unavailableSigner;
    if (record === null || !record.active) return nodeHeldSigner;
    const signer = browserKeySigner(record);
    return {
      kind: 'browser',
      async submit(call) {
        try {
          return await signer.submit(call);
        } catch (error: unknown) {
          const lost = noticeForSubmitError(error);
          if (lost !== null && state.record?.publicKey === record.publicKey) set({ notice: lost });
          throw error;
        }
      },
    } satisfies ActionSigner;
  }, [record, notice]);
}
