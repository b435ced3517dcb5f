import type { FastifyRequest } from 'fastify';
import { custosError } from '../errors/custos-error.ts';

export const sessionCookie = 'custos_session';

/** The session or API token of a request: `Authorization: Bearer …` or the session cookie. */
export function requestToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return decodeURIComponent(value.join('='));
  }
  throw custosError('AUTH_REQUIRED', 'sign in first (session cookie or Authorization: Bearer)');
}
