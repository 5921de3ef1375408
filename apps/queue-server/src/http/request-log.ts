import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Short enough to read out over the phone, random enough not to meet another in a log's lifetime. */
export const newRequestId = (): string => randomBytes(6).toString('base64url');

/** Monitors poll health every few seconds: their lines would bury the hall's own. */
const QUIET_ROUTES = new Set(['/api/health']);

/**
 * One line per request: method, route pattern, status and time, under the request's id, which the answer carries in
 * `x-request-id` so a clerk's report of a failure can be found in the log. The pattern stands for the URL: a path can
 * hold a ticket's status token (`/t/:token`) and a query a device key, and neither belongs in a log; no body either.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? null;
    const line = { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (route !== null && QUIET_ROUTES.has(route) && reply.statusCode < 400) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}
