import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type {
  RouteContract,
  Routes,
  StaffConfig,
  WindowAction,
  WindowActionBody,
  WindowActionName,
} from '@hallq/shared/contracts';
import {
  CSV_MEDIA_TYPE,
  WINDOW_ACTION_NAMES,
  XLSX_MEDIA_TYPE,
  YAML_MEDIA_TYPE,
  routes,
  toPublicHall,
} from '@hallq/shared/contracts';
import { hallFileText } from '@hallq/hall-file';
import { withoutTokens } from '../settings/secrets';
import type { Authenticator, Principal } from '../auth/authenticator';
import { actorOf } from '../auth/authenticator';
import type { NightlyBackup } from '../backup/nightly-backup';
import type { StorageWatch } from '../db/storage';
import type { HallLog } from '../log/logger';
import { bulletinDownload } from '../reports/bulletin-download';
import { ApiError } from '../service/api-error';
import type { HallServices } from '../service/hall-services';
import type { LockerService } from '../service/locker-service';
import type { NoticeServices } from '../notices/notice-services';
import type { Windows } from '../service/windows';
import { catalogueCsv, catalogueWorkbook } from '../settings/catalogue/write-catalogue';
import type { Credentials } from '../settings/credentials';
import { connectionLimits, type ConnectionLimits, serverTimeouts } from './connection-limits';
import { openApiDocument } from './openapi';
import { registerRoute, type RouteContext, type RouteHandler } from './register-route';
import { registerSecurityHeaders } from './security-headers';
import { CheckInThrottle } from './check-in-throttle';
import { DevicePace } from './device-pace';
import { RefusalHold } from './refusal-hold';
import { newRequestId, registerRequestLog } from './request-log';

export interface AppDeps {
  services: HallServices;
  lockers: LockerService;
  notices: NoticeServices;
  auth: Authenticator;
  credentials: Credentials;
  version: string;
  seq: () => number;
  /** The database's storage watch: health reports it, and a write the disk refused answers 503. */
  storage: StorageWatch;
  /** Request timeouts (the defaults when left out); the per-address cap is applied by the server. */
  limits?: ConnectionLimits;
  /** The server's log: each request's line, and the errors no answer tells. */
  log: HallLog;
  /** The nightly backup, when the hall file asks for one: health tells its last run and failure. */
  nightly?: NightlyBackup;
}

type Handlers = { [K in keyof Routes]: RouteHandler<Routes[K]> };

function staffOf(principal: Principal | null): StaffConfig {
  if (principal?.kind !== 'staff') throw new ApiError('forbidden', 'only staff may do this');
  return principal.staff;
}

/** The window a staff session was opened at (null for the consoles and the guide desk). */
function windowOf(principal: Principal | null): number | null {
  return principal?.kind === 'staff' ? principal.window : null;
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

/** A request body's limit: the largest of the hall's requests (a deposit, a follow-up note) is a few KiB. */
export const BODY_LIMIT = 64 * 1024;

type WindowActionHandlers = { [A in WindowActionName]: RouteHandler<Routes[A]> };

/**
 * One handler per window action of the contract's table, each passing the action by its one name: a new action in
 * the table gets its route and its handler here, and `Windows.act` does not compile until it handles it.
 */
function windowActionHandlers(windows: Windows): WindowActionHandlers {
  const handler =
    (name: WindowActionName) =>
    ({ params, body, principal }: RouteContext<Routes[WindowActionName]>) => {
      const { requestId, ...fields } = body as WindowActionBody<WindowActionName>;
      // The body was validated against this action's schema, so name and fields make that action.
      const action = { type: name, ...fields } as WindowAction;
      return windows.act(params.id, action, requestId, staffOf(principal));
    };
  return Object.fromEntries(WINDOW_ACTION_NAMES.map((name) => [name, handler(name)])) as WindowActionHandlers;
}

/** The HTTP API: every route of the contract table, the OpenAPI document, and errors in one shape. */
export function buildApp({
  services,
  lockers,
  notices,
  auth,
  credentials,
  version,
  seq,
  storage,
  limits,
  log,
  nightly,
}: AppDeps): FastifyInstance {
  const {
    today,
    tickets,
    appointments,
    idCards,
    windows,
    guideCalls,
    guideDesk,
    ratings,
    followUps,
    reports,
    settings,
  } = services;
  const { ratingExports, ratingUploader, catalogue } = services;
  const inForce = limits ?? connectionLimits();
  // Typed as fastify's logger, or the instance would be a FastifyInstance of its own kind.
  const loggerInstance: FastifyBaseLogger = log;
  const app = Fastify({
    loggerInstance,
    // Fastify's own request lines carry the raw URL: registerRequestLog writes them without it.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: newRequestId,
    bodyLimit: BODY_LIMIT,
    ...serverTimeouts(inForce),
  });
  registerRequestLog(app);
  registerSecurityHeaders(app);
  const refusals = new RefusalHold(inForce.refusalHoldMs, inForce.maxHeldRefusals);

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof ApiError) {
      const wait = error.extra.retryAfterSeconds;
      if (wait !== undefined) {
        void reply.header('retry-after', String(wait));
        await refusals.hold(wait * 1000);
      }
      return reply.code(error.status).send(error.toBody());
    }
    if (storage.failed(error)) {
      // Nothing was applied (the transaction rolled back); the same requestId can be sent again once there is room.
      const storageError = (error as { code: string }).code;
      request.log.error({ storageError }, `storage: a write failed: ${(error as Error).message}`);
      return reply.code(503).send({
        error: { code: 'storage_unavailable', message: 'the hall cannot save now (storage); nothing was applied' },
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      return reply.code(413).send({
        error: { code: 'payload_too_large', message: `the request body is over the limit of ${BODY_LIMIT / 1024} KiB` },
      });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own refusals (malformed JSON, wrong content type) are the client's mistake.
      return reply.code(400).send({ error: { code: 'validation_failed', message: (error as Error).message } });
    }
    request.log.error({ err: error }, 'internal error: the request was not applied');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'internal error; the request was not applied' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } }),
  );

  const kioskPace = new DevicePace(
    () => ({ perMinute: today.hall.policy.kioskTicketsPerMinute, burst: today.hall.policy.kioskTicketBurst }),
    () => today.now().getTime(),
  );
  const checkIns = new CheckInThrottle(
    () => today.hall.policy,
    () => today.now().getTime(),
  );
  const handlers: Handlers = {
    health: () => {
      const disk = storage.status();
      // 503 when the hall cannot write: a monitor (or the manager) learns it before a clerk's write fails.
      return ok(
        {
          status: disk.writable ? ('ok' as const) : ('unavailable' as const),
          version,
          now: today.now().toISOString(),
          hallDay: today.currentDay(),
          seq: seq(),
          storage: disk,
          backup: nightly?.status() ?? null,
        },
        disk.writable ? 200 : 503,
      );
    },
    hall: () => ok(toPublicHall(today.hall, settings.version)),
    queues: () => ok(today.queues()),
    issueTicket: ({ body, principal }) => {
      if (principal?.kind === 'device') {
        const wait = kioskPace.take(principal.id);
        if (wait > 0) throw ApiError.tooMany('this kiosk is issuing tickets faster than people take them', wait);
      }
      const actor = actorOf(principal!);
      return checkIns.run(actor, body, () => tickets.issue(body, actor));
    },
    idCardKey: () => ok(idCards.kioskKey()),
    ticketStatus: ({ params }) => ok(tickets.status(params.token)),
    giveUpTicket: ({ params, body }) => tickets.giveUp(params.token, body.requestId, body.reason),
    cancelTicket: ({ params, body, principal }) =>
      tickets.cancel(params.number, body.requestId, body.reason, actorOf(principal!), principal!.kind === 'staff'),
    reactivateTicket: ({ params, body, principal }) =>
      tickets.reactivate(params.number, body.requestId, actorOf(principal!)),
    ticketTrace: ({ params }) => ok(guideDesk.trace(params.number)),
    appointments: () => ok(guideDesk.appointments()),
    createAppointment: ({ body, principal }) => appointments.create(body, actorOf(principal!)),
    callGuide: ({ body, principal }) => guideCalls.call(body, kioskOf(principal)),
    guideCall: ({ params, principal }) => ok({ call: guideCalls.get(params.id, kioskOf(principal)) }),
    guideCalls: ({ principal }) => ok({ calls: guideCalls.open(staffOf(principal), windowOf(principal)) }),
    reportSummary: async ({ query, principal }) => ok(await reports.summary(query, staffOf(principal))),
    reportTickets: async ({ query, principal }) => ok(await reports.drillDown(query, staffOf(principal))),
    reportAttendance: async ({ query, principal }) => ok(await reports.attendance(query, staffOf(principal))),
    reportEmptyPosts: async ({ query, principal }) => ok(await reports.emptyPosts(query, staffOf(principal))),
    reportBulletin: async ({ query, principal }) => ok(await reports.bulletin(query, staffOf(principal))),
    reportBulletinWorkbook: ({ query, principal }) => bulletinDownload(reports, query, staffOf(principal)),
    ratingExport: ({ query, principal }) => ok(ratingExports.export(query, staffOf(principal))),
    ratingExportCsv: ({ query, principal }) => {
      const content = ratingExports.csv(ratingExports.export(query, staffOf(principal)));
      const filename = `ratings-${query.from}-${query.to}.csv`;
      return { status: 200, file: { contentType: CSV_MEDIA_TYPE, filename, content } };
    },
    ratingUploads: () => ok(ratingUploader.status()),
    answerGuide: ({ params, body, principal }) =>
      guideCalls.answer(params.id, body.requestId, staffOf(principal), windowOf(principal)),
    submitRating: ({ params, body, principal }) => ratings.submit(params.id, body, padOf(principal)),
    followUps: ({ principal }) => ok({ followUps: followUps.notClosed(staffOf(principal)) }),
    assignFollowUp: ({ params, body, principal }) => followUps.assign(params.id, body, staffOf(principal)),
    noteFollowUp: ({ params, body, principal }) => followUps.note(params.id, body, staffOf(principal)),
    closeFollowUp: ({ params, body, principal }) => followUps.close(params.id, body, staffOf(principal)),
    staffDirectory: ({ principal }) => ok({ staff: followUps.staffFor(staffOf(principal)) }),
    followUpArchive: ({ principal }) => ok({ followUps: followUps.archive(staffOf(principal)) }),
    handOver: ({ params, body, principal }) => windows.handOver(params.id, staffOf(principal), body.requestId),
    clerkSummary: ({ params, principal }) => ok(windows.clerkSummary(params.id, staffOf(principal))),
    lockers: () => ok(lockers.lockerViews()),
    deposit: ({ params, body, principal }) => lockers.deposit(params.locker, body, staffOf(principal)),
    retrieve: ({ params, body, principal }) => lockers.retrieve(params.locker, params.number, body, staffOf(principal)),
    resolveFault: ({ params, body, principal }) =>
      lockers.resolveFault(params.locker, params.number, body, staffOf(principal)),
    notices: async ({ query }) => ok(await notices.queue.list(query)),
    resendNotice: ({ params, body, principal }) =>
      notices.actions.resend(params.id, body.requestId, staffOf(principal)),
    handNoticeToWindow: ({ params, body, principal }) =>
      notices.actions.handToWindow(params.id, body.requestId, staffOf(principal)),
    testNotice: ({ body, principal }) => notices.actions.test(body.phone, body.requestId, staffOf(principal)),
    noticeRelayed: ({ params, body, principal }) =>
      notices.actions.relayed(params.id, body.requestId, staffOf(principal)),
    claimNotice: ({ body, principal }) => ok(notices.queue.kioskAgent.claim(kioskOf(principal), body.requestId)),
    noticeResult: ({ params, body, principal }) =>
      ok(notices.queue.kioskAgent.result(kioskOf(principal), params.id, body)),
    noticeReports: ({ body, principal }) => ok(notices.queue.kioskAgent.reports(kioskOf(principal), body)),
    noticeAgentStatus: ({ body, principal }) => ok(notices.queue.kioskAgent.status(kioskOf(principal), body)),
    collect: ({ body, principal }) => lockers.collect(lockerOf(principal), body),
    doorReport: ({ params, body, principal }) => lockers.doorReport(lockerOf(principal), params.commandId, body),
    login: async ({ body, address }) => {
      const { staff, mustChangePassword } = await auth.login(body.staffId, body.password, address);
      // A one-time password opens no window: the person chooses their own first, then logs in there.
      const at = mustChangePassword ? undefined : body.window;
      const window =
        at === undefined
          ? null
          : await windows.login(at, staff, randomUUID(), { move: body.move, takeOver: body.takeOver });
      const { token, expiresAt } = auth.issueToken(staff, at ?? null);
      const info = { id: staff.id, name: staff.name, role: staff.role };
      return ok({ token, expiresAt, staff: info, window, mustChangePassword });
    },
    changePassword: ({ body, principal, address }) => {
      const p = principal as Extract<Principal, { kind: 'staff' }>;
      return credentials.changeOwnPassword(p.staff, p.tokenHash, body, address);
    },
    settings: ({ principal }) => ok(settings.view(staffOf(principal))),
    changeSettings: ({ params, body, principal }) =>
      settings.change(params.section, body, staffOf(principal), actorOf(principal!)),
    settingsHistory: ({ query }) => ok({ versions: settings.history(query.limit) }),
    settingsVersion: ({ params }) => ok(settings.detail(params.version)),
    rollbackSettings: ({ body, principal }) => settings.rollback(body, actorOf(principal!)),
    resetPassword: ({ params, body, principal }) =>
      credentials.resetPassword(params.id, body.requestId, actorOf(principal!)),
    issueDeviceKey: ({ params, body, principal }) =>
      credentials.issueDeviceKey(params.id, body.requestId, actorOf(principal!)),
    revokeDeviceKey: ({ params, body, principal }) =>
      credentials.revokeDeviceKey(params.id, body.requestId, actorOf(principal!)),
    previewCatalogue: async ({ body, principal }) => ok(await catalogue.preview(body, staffOf(principal))),
    importCatalogue: ({ body, principal }) => catalogue.import(body, staffOf(principal), actorOf(principal!)),
    catalogueXlsx: async ({ principal }) => {
      settings.mayEdit(staffOf(principal));
      const content = await catalogueWorkbook(today.hall);
      return {
        status: 200,
        file: { contentType: XLSX_MEDIA_TYPE, filename: 'catalogue.xlsx', localName: '事项清单.xlsx', content },
      };
    },
    catalogueCsv: ({ principal }) => {
      settings.mayEdit(staffOf(principal));
      const content = catalogueCsv(today.hall);
      return {
        status: 200,
        file: { contentType: CSV_MEDIA_TYPE, filename: 'catalogue.csv', localName: '事项清单.csv', content },
      };
    },
    hallFile: () => {
      const heading = `HallQ hall file: settings version ${settings.version}, ${today.now().toISOString()}\npasswords, device keys and the tokens of other systems are not in it (the server keeps them apart)`;
      const content = hallFileText(withoutTokens(today.hall), heading);
      return { status: 200, file: { contentType: YAML_MEDIA_TYPE, filename: 'hall.yaml', content } };
    },
    logout: async ({ principal }) => {
      const p = principal as Extract<Principal, { kind: 'staff' }>;
      // The session's own window only (and only while this clerk is still at it): a clerk who moved to another
      // window, or logs out an old page, must not close the window they serve at now.
      if (p.window !== null) await windows.logout(p.window, p.staff, randomUUID());
      auth.revoke(p);
      return ok({ ok: true as const });
    },
    loginLockouts: () => ok({ lockouts: auth.lockouts() }),
    windows: () => ok({ windows: today.windowStates() }),
    window: ({ params }) => ok(windows.detail(params.id)),
    ...windowActionHandlers(windows),
  };

  for (const name of Object.keys(routes) as (keyof Routes)[]) {
    registerRoute(
      app,
      auth,
      routes[name] as RouteContract,
      handlers[name] as RouteHandler<RouteContract>,
      () => today.hall.policy,
    );
  }
  const document = openApiDocument(version);
  app.get('/api/openapi.json', async () => document);
  return app;
}
