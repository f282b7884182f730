// HTTP face of the update feed. electron-updater's generic provider reads /updates/<channel>/latest.yml (Windows) or
// latest-linux.yml and then the files it names, next to it; the counter's device token (a request header) decides its
// pin and rollout bucket. The operator (GALLA_RELEASE_TOKEN) uploads files, publishes and steers releases.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import send from '@fastify/send';
import { z } from 'zod';
import { DomainError, Forbidden, Invalid, Unauthorized, type DomainErrorCode } from '../../src-shared/errors';
import {
  platformOfFeedFile,
  publishRelease as publishInput,
  releaseChange,
  releaseVersion,
  UPDATE_CHANNELS,
  UPDATE_PLATFORMS,
} from '../../src-shared/updates/feed';
import { resolveCaller } from '../accounts/service';
import { bearerToken } from '../trpc/context';
import type { Caller, ServerDeps } from '../trpc/init';
import type { Logger } from 'pino';
import { logInternalError } from '../http/internal-errors';
import { changeRelease, feedFor, listReleases, publishRelease } from './service';
import { findReleaseFile, storeReleaseFile } from './store';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_TRIES: 429,
};

const channelParams = z.object({ channel: z.enum(UPDATE_CHANNELS), file: z.string() });
const releaseParams = z.object({ version: releaseVersion, platform: z.enum(UPDATE_PLATFORMS) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Invalid(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; '),
    );
  return result.data;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The operator's token, compared in constant time. */
function requireOperator(deps: ServerDeps, request: FastifyRequest): void {
  const expected = deps.config.updates.operatorToken;
  if (!expected)
    throw new Forbidden('Release uploads are switched off on this server: set GALLA_RELEASE_TOKEN to allow them.');
  const presented = bearerToken(request.headers.authorization);
  if (!presented || !timingSafeEqual(digest(presented), digest(expected)))
    throw new Unauthorized("That is not this server's release token.");
}

/** A counter that sends a bad or revoked token still gets a feed: the one every counter gets. */
async function feedCaller(deps: ServerDeps, request: FastifyRequest): Promise<Caller | null> {
  try {
    return await resolveCaller(deps, bearerToken(request.headers.authorization));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

async function serveFeedOrFile(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply) {
  const params = channelParams.safeParse(request.params);
  if (!params.success)
    return reply.code(404).send({ error: `No such update channel; there are ${UPDATE_CHANNELS.join(' and ')}.` });
  const { channel, file } = params.data;
  const platform = platformOfFeedFile(file);
  if (platform) {
    const answer = await feedFor(deps, channel, platform, await feedCaller(deps, request));
    if (!answer.release) {
      const message =
        answer.why === 'pinned-missing'
          ? 'This shop is pinned to a version that is not published for this platform.'
          : 'No release has been published on this channel yet.';
      return reply.code(404).header('cache-control', 'no-store').send({ error: message });
    }
    // Per-counter answer: no shared cache may keep it.
    return reply
      .header('content-type', 'text/yaml; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-galla-release', `${answer.release.version}; ${answer.why}`)
      .send(answer.release.feedYml);
  }
  const stored = await findReleaseFile(deps, file);
  if (!stored) return reply.code(404).send({ error: 'No such release file.' });
  // @fastify/send handles Range requests (electron-updater's differential download) and ETags.
  const sent = await send(request.raw, stored.fileName, {
    root: deps.config.updates.releasesDir,
    dotfiles: 'deny',
    index: false,
    acceptRanges: true,
    immutable: true,
    maxAge: '365d',
  });
  if (sent.type === 'error')
    return reply
      .code((sent.metadata.error as { status?: number }).status ?? 500)
      .send({ error: "That release file is missing on the server's disk." });
  return reply.code(sent.statusCode).headers(sent.headers).send(sent.stream);
}

export async function updateRoutes(app: FastifyInstance, { deps }: { deps: ServerDeps }): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError)
      return reply.code(HTTP_STATUS[error.code]).send({ error: error.message, code: error.code });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: (error as Error).message });
    const errorId = logInternalError(request.log as Logger, error, 'update feed request failed');
    return reply.code(500).send({ error: 'Something went wrong on the server.', errorId });
  });
  // Release files arrive as raw bytes and are streamed to disk, never held in memory.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.get('/updates/:channel/:file', (request, reply) => serveFeedOrFile(deps, request, reply));

  app.put('/updates/files/:file', { bodyLimit: deps.config.updates.maxFileBytes }, async (request) => {
    requireOperator(deps, request);
    const { file } = parse(z.object({ file: z.string() }), request.params);
    if (!request.body || typeof (request.body as Readable).pipe !== 'function')
      throw new Invalid('Send the file as application/octet-stream.');
    return storeReleaseFile(deps, file, request.body as Readable);
  });

  app.post('/updates/releases', async (request, reply) => {
    requireOperator(deps, request);
    return reply.code(201).send(await publishRelease(deps, parse(publishInput, request.body)));
  });

  app.patch('/updates/releases/:version/:platform', async (request) => {
    requireOperator(deps, request);
    const { version, platform } = parse(releaseParams, request.params);
    return changeRelease(deps, version, platform, parse(releaseChange, request.body));
  });

  app.get('/updates/releases', async (request) => {
    requireOperator(deps, request);
    return listReleases(deps);
  });
}
