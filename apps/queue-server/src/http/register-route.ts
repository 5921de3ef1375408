import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { QueuePolicy, RouteContract } from '@hallq/shared/contracts';
import { worksGuideDesk } from '@hallq/shared/domain';
import { formatPath, ROUTE_AUTH_TEXT } from '@hallq/shared/contracts';
import type { Authenticator, Principal } from '../auth/authenticator';
import { ApiError } from '../service/api-error';
import type { Reply } from '../service/write-pipeline';

type Parsed<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? z.infer<S>
  : undefined;

export interface RouteContext<R extends RouteContract> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'body'>;
  principal: Principal | null;
  /** The client's address: what throttles count by when there is no account to count by. */
  address: string;
}

/** A download (the bulletin's workbook, the 好差评 CSV): sent as the file it is, with its name, instead of JSON. */
export interface FileReply {
  status: 200;
  file: {
    contentType: string;
    /** An ASCII name, for every browser; */
    filename: string;
    /** and the name in full where it is not ASCII (月度通报…), sent as RFC 5987's `filename*`. */
    localName?: string;
    content: string | Uint8Array;
  };
}

/** A download route (`produces`) answers its file; any other route its JSON. */
type HandlerReply<R extends RouteContract> = R extends { produces: string } ? FileReply : Reply<z.infer<R['response']>>;

export type RouteHandler<R extends RouteContract> = (
  ctx: RouteContext<R>,
) => HandlerReply<R> | Promise<HandlerReply<R>>;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

/** What a session opened with a one-time password may do: choose the person's own, or leave. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/api/auth/password', '/api/auth/logout']);

/**
 * Checks the route's auth rule; `window_clerk` and `rating_pad` are finished by the service, which knows who is at the
 * window and which window a rating request belongs to.
 */
function authorize(contract: RouteContract, principal: Principal | null, policy: QueuePolicy): void {
  if (contract.auth === 'public') return;
  if (!principal) throw new ApiError('unauthorized', 'log in or present a device key (Authorization: Bearer …)');
  const isStaff = principal.kind === 'staff';
  const allowed =
    contract.auth === 'device' ||
    (contract.auth === 'issuer' && (isStaff || principal.device === 'kiosk')) ||
    (contract.auth === 'kiosk' && !isStaff && principal.device === 'kiosk') ||
    (contract.auth === 'rating_pad' && !isStaff && principal.screen === 'rating') ||
    (contract.auth === 'locker' && !isStaff && principal.device === 'locker') ||
    ((contract.auth === 'staff' || contract.auth === 'window_clerk') && isStaff) ||
    (contract.auth === 'department_lead' &&
      isStaff &&
      ['manager', 'chief_representative'].includes(principal.staff.role)) ||
    (contract.auth === 'guide_desk' && isStaff && worksGuideDesk(principal.staff, policy)) ||
    (contract.auth === 'manager' && isStaff && principal.staff.role === 'manager');
  if (!allowed) {
    const who = isStaff ? `a ${principal.staff.role.replace('_', ' ')}'s token` : `a ${principal.device}'s key`;
    throw new ApiError(
      'forbidden',
      `${contract.method} ${contract.path} needs ${ROUTE_AUTH_TEXT[contract.auth]}; this is ${who}`,
    );
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    // An unknown key is reported at its object's path; name each unknown field instead (`colour`, `outcome.x`).
    const fields = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
        : [{ path: formatPath(issue.path) || where, message: issue.message }],
    );
    const message = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    throw new ApiError('validation_failed', `invalid ${where}: ${message}`, { fields });
  }
  return result.data;
}

/** Registers one route of the contract table: auth, zod validation of params, query and body, then the handler. */
export function registerRoute<R extends RouteContract>(
  app: FastifyInstance,
  auth: Authenticator,
  contract: R,
  handler: RouteHandler<R>,
  /** The policy in force (a change in the console applies to the next request). */
  policy: () => QueuePolicy,
): void {
  app.route({
    method: contract.method,
    url: contract.path,
    ...(contract.bodyLimit !== undefined && {
      bodyLimit: contract.bodyLimit,
      // A large body is read only for a caller who may send it: nobody else makes the server hold megabytes.
      onRequest: async (request: FastifyRequest) =>
        authorize(contract, auth.authenticate(bearerToken(request), request.ip), policy()),
    }),
    handler: async (request, reply) => {
      const principal = auth.authenticate(bearerToken(request), request.ip);
      authorize(contract, principal, policy());
      if (principal?.kind === 'staff' && principal.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(contract.path))
        throw new ApiError('password_change_required', 'choose your own password first (POST /api/auth/password)');
      const params = parse(contract.params, request.params, 'path') as Parsed<R, 'params'>;
      const query = parse(contract.query, request.query, 'query') as Parsed<R, 'query'>;
      const body = parse(contract.body, request.body, 'body') as Parsed<R, 'body'>;
      const result = await handler({ params, query, body, principal, address: request.ip });
      if ('file' in result) {
        const { contentType, filename, localName, content } = (result as FileReply).file;
        const local = localName === undefined ? '' : `; filename*=UTF-8''${encodeURIComponent(localName)}`;
        return reply
          .code(result.status)
          .header('content-type', contentType)
          .header('content-disposition', `attachment; filename="${filename}"${local}`)
          .send(content);
      }
      return reply.code(result.status).send(result.body);
    },
  });
}
