import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type {
  FinishRequest,
  PauseRequest,
  RouteContract,
  Routes,
  StaffConfig,
  TransferRequest,
} from '@hallq/shared/contracts';
import { routes, toPublicHall } from '@hallq/shared/contracts';
import type { Authenticator, Principal } from '../auth/authenticator';
import { actorOf } from '../auth/authenticator';
import { ApiError } from '../service/api-error';
import type { HallService, WindowAction } from '../service/hall-service';
import type { LockerService } from '../service/locker-service';
import { openApiDocument } from './openapi';
import { registerRoute, type RouteHandler } from './register-route';

export interface AppDeps {
  service: HallService;
  lockers: LockerService;
  auth: Authenticator;
  version: string;
  seq: () => number;
}

type Handlers = { [K in keyof Routes]: RouteHandler<Routes[K]> };

function staffOf(principal: Principal | null): StaffConfig {
  if (principal?.kind !== 'staff') throw new ApiError('forbidden', 'only staff may do this');
  return principal.staff;
}

/** The route's auth let only a rating pad through. */
function padOf(principal: Principal | null): { id: string; window: number | null } {
  if (principal?.kind !== 'device' || principal.screen !== 'rating')
    throw new ApiError('forbidden', 'only a rating pad may do this');
  return { id: principal.id, window: principal.window };
}

function kioskOf(principal: Principal | null): string {
  if (principal?.kind !== 'device' || principal.device !== 'kiosk')
    throw new ApiError('forbidden', 'only a kiosk may do this');
  return principal.id;
}

/** The route's auth let only a locker through; it acts on its own compartments. */
function lockerOf(principal: Principal | null): string {
  if (principal?.kind !== 'device' || principal.device !== 'locker')
    throw new ApiError('forbidden', 'only a locker may do this');
  return principal.id;
}

const ok = <T>(body: T, status = 200) => ({ status, body });

/** The HTTP API: every route of the contract table, the OpenAPI document, and errors in one shape. */
export function buildApp({ service, lockers, auth, version, seq }: AppDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own refusals (malformed JSON, wrong content type, body too large) are the client's mistake.
      return reply.code(400).send({ error: { code: 'validation_failed', message: (error as Error).message } });
    }
    app.log.error(error);
    console.error(error);
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'internal error; the request was not applied' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } }),
  );

  const windowAction =
    <B extends { requestId: string }>(action: (body: B) => WindowAction) =>
    ({ params, body, principal }: { params: { id: number }; body: B; principal: Principal | null }) =>
      service.windowAction(params.id, action(body), body.requestId, staffOf(principal));

  const handlers: Handlers = {
    health: () =>
      ok({
        status: 'ok' as const,
        version,
        now: service.now().toISOString(),
        hallDay: service.currentDay(),
        seq: seq(),
      }),
    hall: () => ok(toPublicHall(service.hall)),
    queues: () => ok(service.queues()),
    issueTicket: ({ body, principal }) => service.issueTicket(body, actorOf(principal!)),
    ticketStatus: ({ params }) => ok(service.ticketStatus(params.token)),
    giveUpTicket: ({ params, body }) => service.giveUpTicket(params.token, body.requestId, body.reason),
    cancelTicket: ({ params, body, principal }) =>
      service.cancelTicket(
        params.number,
        body.requestId,
        body.reason,
        actorOf(principal!),
        principal!.kind === 'staff',
      ),
    reactivateTicket: ({ params, body, principal }) =>
      service.reactivateTicket(params.number, body.requestId, actorOf(principal!)),
    createAppointment: ({ body, principal }) => service.createAppointment(body, actorOf(principal!)),
    callGuide: ({ body, principal }) => service.callGuide(body, kioskOf(principal)),
    guideCall: ({ params, principal }) => ok({ call: service.guideCall(params.id, kioskOf(principal)) }),
    guideCalls: () => ok({ calls: service.guideCalls() }),
    answerGuide: ({ params, body, principal }) => service.answerGuide(params.id, body.requestId, staffOf(principal)),
    submitRating: ({ params, body, principal }) => service.submitRating(params.id, body, padOf(principal)),
    followUps: () => ok({ followUps: service.followUps() }),
    assignFollowUp: ({ params, body, principal }) => service.assignFollowUp(params.id, body, staffOf(principal)),
    noteFollowUp: ({ params, body, principal }) => service.noteFollowUp(params.id, body, staffOf(principal)),
    closeFollowUp: ({ params, body, principal }) => service.closeFollowUp(params.id, body, staffOf(principal)),
    clerkSummary: ({ params, principal }) => ok(service.clerkSummary(params.id, staffOf(principal))),
    lockers: () => ok(lockers.lockerViews()),
    deposit: ({ params, body, principal }) => lockers.deposit(params.locker, body, staffOf(principal)),
    retrieve: ({ params, body, principal }) => lockers.retrieve(params.locker, params.number, body, staffOf(principal)),
    resolveFault: ({ params, body, principal }) =>
      lockers.resolveFault(params.locker, params.number, body, staffOf(principal)),
    lockerOutbox: () => ok(lockers.outbox()),
    collect: ({ body, principal }) => lockers.collect(lockerOf(principal), body),
    doorReport: ({ params, body, principal }) => lockers.doorReport(lockerOf(principal), params.commandId, body),
    login: async ({ body }) => {
      const staff = auth.verify(body.staffId, body.password);
      const window = body.window === undefined ? null : await service.loginAtWindow(body.window, staff, randomUUID());
      const { token, expiresAt } = auth.issueToken(staff, body.window ?? null);
      return ok({ token, expiresAt, staff: { id: staff.id, name: staff.name, role: staff.role }, window });
    },
    logout: async ({ principal }) => {
      const p = principal as Extract<Principal, { kind: 'staff' }>;
      for (const w of service.windowStates()) {
        if (w.clerk === p.staff.id) await service.logoutFromWindow(w.number, p.staff, randomUUID());
      }
      auth.revoke(p);
      return ok({ ok: true as const });
    },
    windows: () => ok({ windows: service.windowStates() }),
    window: ({ params }) => ok(service.windowDetail(params.id)),
    callNext: windowAction(() => ({ type: 'call-next' })),
    recall: windowAction(() => ({ type: 'recall' })),
    noShow: windowAction(() => ({ type: 'no-show' })),
    start: windowAction(() => ({ type: 'start' })),
    finish: windowAction((b: FinishRequest) => ({ type: 'finish', outcome: b.outcome })),
    transfer: windowAction(({ toWindowType, toWindow, note }: TransferRequest) => ({
      type: 'transfer',
      ...(toWindowType !== undefined && { toWindowType }),
      ...(toWindow !== undefined && { toWindow }),
      ...(note !== undefined && { note }),
    })),
    pause: windowAction((b: PauseRequest) => ({ type: 'pause', reason: b.reason })),
    resume: windowAction(() => ({ type: 'resume' })),
  };

  for (const name of Object.keys(routes) as (keyof Routes)[]) {
    registerRoute(app, auth, routes[name] as RouteContract, handlers[name] as RouteHandler<RouteContract>);
  }
  const document = openApiDocument(version);
  app.get('/api/openapi.json', async () => document);
  return app;
}
