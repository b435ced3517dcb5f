import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, type ErrorCode } from '../errors/codes.ts';
import { isCustosError } from '../errors/custos-error.ts';

/** RFC 9457 problem details, plus Custos's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  [extra: string]: unknown;
}

export function problemFor(code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  const { status, title } = errorCodes[code];
  return { ...extra, type: `/docs/errors#${code}`, title, status, code, detail };
}

// Fastify's own error codes for bad requests, mapped onto ours.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'API_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'API_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'API_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'API_BAD_REQUEST',
  FST_ERR_VALIDATION: 'API_BAD_REQUEST',
};

function toProblem(error: unknown): Problem {
  if (isCustosError(error)) return problemFor(error.code, error.message, { ...error.details });
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown };
  if (fastifyError.validation !== undefined) return problemFor('API_BAD_REQUEST', fastifyError.message ?? 'request is invalid');
  const mapped = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (mapped !== undefined) return problemFor(mapped, fastifyError.message ?? errorCodes[mapped].title);
  if (error instanceof SyntaxError || (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)) {
    return problemFor('API_BAD_REQUEST', fastifyError.message ?? 'request is invalid');
  }
  return problemFor('API_INTERNAL', 'internal error; see the node log');
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, problem);
}
