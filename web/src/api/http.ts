import { CustosApiError } from '@sdk';

/** Codes that mean "this browser is no longer signed in". */
const sessionLostCodes = new Set(['AUTH_SESSION_EXPIRED', 'AUTH_REQUIRED']);

type SessionLostListener = (code: string) => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Called when a member request finds the session gone (expired, signed out elsewhere, node restarted). */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Member requests report a lost session to `onSessionLost` listeners (sign-in itself does not). */
  member?: boolean;
}

/**
 * One call to the node that served the console. The session travels in the
 * HttpOnly `custos_session` cookie (same origin, SameSite=Strict): the
 * console never sees or stores the token. Errors are the node's problem+json
 * as a `CustosApiError` with its stable code.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = new CustosApiError(response.status, (body ?? {}) as Record<string, unknown>);
    if (options.member === true && sessionLostCodes.has(error.code)) sessionLostListeners.forEach((listener) => listener(error.code));
    throw error;
  }
  return body as T;
}
