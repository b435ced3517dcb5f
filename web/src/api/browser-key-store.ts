/**
 * This browser's signing keys, one per member of this node (the node is the
 * page's origin, and IndexedDB is per origin). A key is a non-extractable
 * WebCrypto Ed25519 `CryptoKey`: IndexedDB stores the key object itself, and
 * nothing — not the page, not the node — can read its private half.
 */
export interface BrowserKeyRecord {
  /** `<org>/<memberId>`. */
  id: string;
  network: string;
  org: string;
  memberId: string;
  /** `ed25519:…`, the key the certificate names. */
  publicKey: string;
  privateKey: CryptoKey;
  certificate: string;
  /** Certificate expiry, ms since the epoch. */
  notAfter: number;
  /** The enrollment transaction the browser signed. */
  enrolledTxId: string;
  /** False after "use the key held by the node": kept, not used. */
  active: boolean;
  createdAt: number;
}

const databaseName = 'custos-browser-keys';
const storeName = 'keys';
const markPrefix = 'custos.browserKey.';

export const browserKeyId = (member: { org: string; memberId: string }) => `${member.org}/${member.memberId}`;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = act(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB request failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB request aborted'));
    });
  } finally {
    db.close();
  }
}

export const browserKeyStore = {
  get: (id: string) => run<BrowserKeyRecord | undefined>('readonly', (store) => store.get(id)),
  put: (record: BrowserKeyRecord) => run<unknown>('readwrite', (store) => store.put(record)),
  remove: (id: string) => run<unknown>('readwrite', (store) => store.delete(id)),
};

/**
 * A note in localStorage that this member chose a browser key (and which), kept
 * apart from IndexedDB so that the console can tell "the key was removed"
 * (site data partly cleared, another profile) from "there never was one".
 */
export const browserKeyMark = {
  get(id: string): string | null {
    try {
      return window.localStorage.getItem(markPrefix + id);
    } catch {
      return null;
    }
  },
  set(id: string, publicKey: string): void {
    try {
      window.localStorage.setItem(markPrefix + id, publicKey);
    } catch {
      // Storage blocked: the console cannot warn about a lost key later, but the key still works.
    }
  },
  clear(id: string): void {
    try {
      window.localStorage.removeItem(markPrefix + id);
    } catch {
      // Nothing to clear.
    }
  },
};
