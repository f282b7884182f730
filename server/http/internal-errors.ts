// Internal errors: the caller gets a short message with an error id, and the server's log line for it carries the same
// id with the whole error. No stack, SQL text or database host ever reaches a response, whatever NODE_ENV is.
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { shopText, type ShopMessage } from '../../src-shared/shop-messages';

/** Short enough to read out over the phone, random enough that two errors near in time never share one. */
export function newErrorId(): string {
  return randomBytes(6).toString('hex');
}

export function internalErrorMessage(errorId: string): ShopMessage {
  return { key: 'serverError', params: { errorId } };
}

/** Logs the error (stack, cause and all) under a new id and returns the id for the reply. */
export function logInternalError(log: Logger, error: unknown, what: string, context: object = {}): string {
  const errorId = newErrorId();
  log.error({ err: error, errorId, ...context }, what);
  return errorId;
}

/**
 * The server's one error handler for plain HTTP routes: a 4xx keeps its message (it is about the request), anything
 * else is logged with an id and answered with that id only.
 */
export function replyToHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return reply.code(status).send({ statusCode: status, code: error.code, error: error.name, message: error.message });
  const errorId = logInternalError(request.log as Logger, error, 'request failed', { url: request.routeOptions.url });
  const shop = internalErrorMessage(errorId);
  return reply.code(500).send({ statusCode: 500, errorId, message: shopText(shop.key, shop.params) });
}
