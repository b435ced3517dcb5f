import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { problemFor, sendProblem } from '../problem.ts';

export interface ConsoleOptions {
  /** The built console (`npm run build:web` writes web/dist). */
  root: string;
}

export const defaultConsoleOptions: ConsoleOptions = { root: fileURLToPath(new URL('../../../web/dist', import.meta.url)) };

/** Paths that belong to the API and its tools: never answered with the console's index.html. */
const apiPrefixes = ['/v1/', '/docs', '/openapi.json', '/metrics', '/healthz'];

const isApiPath = (path: string) => path === '/v1' || apiPrefixes.some((prefix) => path.startsWith(prefix));

function fileUnder(root: string, path: string): string | null {
  const relative = normalize(path).replace(/^[/\\]+/, '');
  if (relative === '' || relative.split(sep).includes('..')) return null;
  const full = join(root, relative);
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

/**
 * The web console (web/, React) at `/`: built files as they are (hashed
 * assets cached for a year), and index.html for any other GET path that is
 * not the API's, so client routes like /verify?tx=… or /tx/<id> open directly.
 */
export const consoleRoutes =
  (options: ConsoleOptions = defaultConsoleOptions): FastifyPluginAsync =>
  async (app) => {
    await app.register(fastifyStatic, { root: options.root, serve: false });

    const notFound = (reply: FastifyReply, method: string, path: string, detail?: string) =>
      sendProblem(reply, problemFor('API_NOT_FOUND', detail ?? `no route ${method} ${path}`));

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const rawPath = request.url.split('?')[0] ?? '/';
      let path: string;
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        return notFound(reply, request.method, rawPath);
      }
      if (isApiPath(path)) return notFound(reply, request.method, path);
      const file = fileUnder(options.root, path);
      if (file !== null) {
        const immutable = file.startsWith(`assets${sep}`);
        return reply.sendFile(file, { cacheControl: false }).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
      // A missing file (it has an extension) is a 404, not the app: a browser would parse HTML as a script.
      if (/\.[a-z0-9]{1,8}$/i.test(path)) return notFound(reply, request.method, path);
      if (!existsSync(join(options.root, 'index.html'))) {
        return notFound(reply, request.method, path, 'the web console is not built: run `npm run build:web`');
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  };
