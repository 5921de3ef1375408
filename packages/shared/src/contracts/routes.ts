import type { z } from 'zod';
import { LoginLockoutsResponse, LoginRequest, LoginResponse, LogoutResponse, StaffDirectoryResponse } from './auth';
import { StatusTokenParam, TicketNumberParam, WindowNumberParam } from './common';
import {
  AnswerGuideRequest,
  CallGuideRequest,
  GuideCallParam,
  GuideCallResponse,
  GuideCallsResponse,
} from './guide-calls';
import { Health, PublicHall } from './hall';
import {
  CollectRequest,
  CollectResponse,
  CommandParam,
  CompartmentParam,
  DepositRequest,
  DepositResponse,
  DoorReportRequest,
  DoorReportResponse,
  LockerParam,
  LockersResponse,
  NoticeParam,
  NoticeSentRequest,
  NoticeSentResponse,
  OutboxResponse,
  ResolveFaultRequest,
  ResolveFaultResponse,
  RetrieveRequest,
} from './lockers';
import { QueuesResponse } from './queues';
import {
  AssignFollowUpRequest,
  ClerkSummary,
  CloseFollowUpRequest,
  FollowUpParam,
  FollowUpResponse,
  FollowUpsResponse,
  NoteFollowUpRequest,
  RatingRequestParam,
  RatingResponse,
  SubmitRatingRequest,
} from './ratings';
import {
  AppointmentRecord,
  AppointmentsResponse,
  CancelTicketRequest,
  CreateAppointmentRequest,
  IssuedTicket,
  IssueTicketRequest,
  ReactivateTicketRequest,
  TicketResponse,
  TicketStatus,
  TicketTrace,
} from './tickets';
import {
  HandOverRequest,
  type WindowActionName,
  windowActions,
  windowActionSegment,
  WindowActionResponse,
  WindowDetail,
  WindowsResponse,
} from './windows';

/**
 * Who may call a route:
 * - public: anyone on the LAN (health, hall, status page);
 * - device: a device key (kiosk, display, locker) or a staff token;
 * - issuer: a kiosk key or a staff token;
 * - kiosk: a kiosk key only;
 * - rating_pad: a rating pad's device key (the service checks it is the pad of the request's window);
 * - locker: a locker's device key (the locker acts on its own compartments only);
 * - staff: any logged-in staff member;
 * - window_clerk: the clerk logged in at the window named by `:id`;
 * - manager: the manager role.
 */
/**
 * Who may call a route. `department_lead`: the manager, or a chief representative (首席代表), whom the handler then holds
 * to their own department.
 */
export type RouteAuth =
  | 'public'
  | 'device'
  | 'issuer'
  | 'kiosk'
  | 'rating_pad'
  | 'locker'
  | 'staff'
  | 'window_clerk'
  | 'department_lead'
  | 'guide_desk'
  | 'manager';

/** Who may call a route, in words: the OpenAPI document and the server's 403s say it alike. */
export const ROUTE_AUTH_TEXT: Record<RouteAuth, string> = {
  public: 'none',
  device: 'a device key or a staff token',
  issuer: 'a kiosk key or a staff token',
  kiosk: 'a kiosk key',
  rating_pad: "the key of the rating pad at the request's window",
  locker: 'a locker key',
  staff: 'a staff token',
  window_clerk: 'the token of the clerk logged in at this window',
  department_lead: "a manager token, or a chief representative's for their own department",
  guide_desk: "a floor guide's or the manager's token (a clerk's where the hall lets clerks work the guide desk)",
  manager: 'a manager token',
};

export interface RouteContract {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  auth: RouteAuth;
  params?: z.ZodType;
  body?: z.ZodType;
  status: 200 | 201;
  response: z.ZodType;
}

const windowAction = <A extends WindowActionName>(action: A) =>
  ({
    method: 'POST',
    path: `/api/windows/:id/${windowActionSegment(action)}`,
    summary: windowActions[action].summary,
    auth: 'window_clerk',
    params: WindowNumberParam,
    body: windowActions[action].body as (typeof windowActions)[A]['body'],
    status: 200,
    response: WindowActionResponse,
  }) as const satisfies RouteContract;

/** The HTTP API, one entry per route: the server registers these and the OpenAPI document is generated from them. */
export const routes = {
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and the hall day',
    auth: 'public',
    status: 200,
    response: Health,
  },
  hall: {
    method: 'GET',
    path: '/api/hall',
    summary: 'Public part of the hall configuration',
    auth: 'public',
    status: 200,
    response: PublicHall,
  },
  queues: {
    method: 'GET',
    path: '/api/queues',
    summary: 'Per window type: waiting, estimated wait, open or closed and why',
    auth: 'public',
    status: 200,
    response: QueuesResponse,
  },
  issueTicket: {
    method: 'POST',
    path: '/api/tickets',
    summary: 'Take a ticket (idempotent by requestId)',
    auth: 'issuer',
    body: IssueTicketRequest,
    status: 201,
    response: IssuedTicket,
  },
  ticketStatus: {
    method: 'GET',
    path: '/api/tickets/status/:token',
    summary: 'Public status of one ticket, for the phone page',
    auth: 'public',
    params: StatusTokenParam,
    status: 200,
    response: TicketStatus,
  },
  giveUpTicket: {
    method: 'POST',
    path: '/api/tickets/status/:token/cancel',
    summary: 'The citizen gives the ticket up from the phone page',
    auth: 'public',
    params: StatusTokenParam,
    body: CancelTicketRequest,
    status: 200,
    response: TicketStatus,
  },
  cancelTicket: {
    method: 'POST',
    path: '/api/tickets/:number/cancel',
    summary: "Cancel today's ticket (a kiosk whose print failed, or staff)",
    auth: 'issuer',
    params: TicketNumberParam,
    body: CancelTicketRequest,
    status: 200,
    response: TicketResponse,
  },
  reactivateTicket: {
    method: 'POST',
    path: '/api/tickets/:number/reactivate',
    summary: "Put today's no-show ticket back in its queue, a few places behind the head",
    auth: 'guide_desk',
    params: TicketNumberParam,
    body: ReactivateTicketRequest,
    status: 200,
    response: TicketResponse,
  },
  ticketTrace: {
    method: 'GET',
    path: '/api/tickets/:number/trace',
    summary: 'One ticket of today for the guide desk: its state, its place in the queue, its history, why it waits',
    auth: 'guide_desk',
    params: TicketNumberParam,
    status: 200,
    response: TicketTrace,
  },
  appointments: {
    method: 'GET',
    path: '/api/appointments',
    summary: "Today's appointments by slot, checked in or not (no ID numbers)",
    auth: 'guide_desk',
    status: 200,
    response: AppointmentsResponse,
  },
  createAppointment: {
    method: 'POST',
    path: '/api/appointments',
    summary: 'Book an appointment slot (on site or on behalf of a caller)',
    auth: 'staff',
    body: CreateAppointmentRequest,
    status: 201,
    response: AppointmentRecord,
  },
  callGuide: {
    method: 'POST',
    path: '/api/guide-calls',
    summary: '呼叫导办: a kiosk asks for a guide (idempotent by requestId)',
    auth: 'kiosk',
    body: CallGuideRequest,
    status: 201,
    response: GuideCallResponse,
  },
  guideCall: {
    method: 'GET',
    path: '/api/guide-calls/:id',
    summary: 'One guide call, so the kiosk can tell the citizen somebody is coming',
    auth: 'kiosk',
    params: GuideCallParam,
    status: 200,
    response: GuideCallResponse,
  },
  guideCalls: {
    method: 'GET',
    path: '/api/guide-calls',
    summary: "Today's guide calls not yet answered, oldest first",
    auth: 'staff',
    status: 200,
    response: GuideCallsResponse,
  },
  answerGuide: {
    method: 'POST',
    path: '/api/guide-calls/:id/answer',
    summary: 'A member of staff is on the way to the kiosk',
    auth: 'staff',
    params: GuideCallParam,
    body: AnswerGuideRequest,
    status: 200,
    response: GuideCallResponse,
  },
  submitRating: {
    method: 'POST',
    path: '/api/ratings/:id',
    summary: '好差评: the citizen answers a rating request on the pad at the window',
    auth: 'rating_pad',
    params: RatingRequestParam,
    body: SubmitRatingRequest,
    status: 200,
    response: RatingResponse,
  },
  followUps: {
    method: 'GET',
    path: '/api/follow-ups',
    summary: 'Bad-rating follow-ups not yet closed, oldest deadline first',
    auth: 'department_lead',
    status: 200,
    response: FollowUpsResponse,
  },
  assignFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/assign',
    summary: 'Give a follow-up to a member of staff',
    auth: 'department_lead',
    params: FollowUpParam,
    body: AssignFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  noteFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/note',
    summary: 'Note what was done (the call-back to the citizen, the fix)',
    auth: 'department_lead',
    params: FollowUpParam,
    body: NoteFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  closeFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/close',
    summary: 'Close a follow-up with its resolution',
    auth: 'department_lead',
    params: FollowUpParam,
    body: CloseFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  staffDirectory: {
    method: 'GET',
    path: '/api/staff',
    summary: "The staff the caller answers for (a chief representative: their department's; the manager: everyone)",
    auth: 'department_lead',
    status: 200,
    response: StaffDirectoryResponse,
  },
  followUpArchive: {
    method: 'GET',
    path: '/api/follow-ups/archive',
    summary: 'Closed follow-ups (整改台账) of the departments the caller answers for, the latest closed first',
    auth: 'department_lead',
    status: 200,
    response: FollowUpsResponse,
  },
  handOver: {
    method: 'POST',
    path: '/api/windows/:id/hand-over',
    summary: 'Hand the window, citizen and all, to the other post waiting to take it over (AB岗)',
    auth: 'window_clerk',
    params: WindowNumberParam,
    body: HandOverRequest,
    status: 200,
    response: WindowActionResponse,
  },
  clerkSummary: {
    method: 'GET',
    path: '/api/windows/:id/summary',
    summary: 'The day of the clerk at this window: served, average service time, ratings',
    auth: 'window_clerk',
    params: WindowNumberParam,
    status: 200,
    response: ClerkSummary,
  },
  lockers: {
    method: 'GET',
    path: '/api/lockers',
    summary: 'Every locker with its compartments, items, faults and overdue items (never a pickup code)',
    auth: 'staff',
    status: 200,
    response: LockersResponse,
  },
  deposit: {
    method: 'POST',
    path: '/api/lockers/:locker/deposits',
    summary: 'Deposit a result: reserve a free compartment and open it (a pickup-window clerk or a manager)',
    auth: 'staff',
    params: LockerParam,
    body: DepositRequest,
    status: 201,
    response: DepositResponse,
  },
  retrieve: {
    method: 'POST',
    path: '/api/lockers/:locker/compartments/:number/retrieve',
    summary: 'Open a compartment for staff to take the item out (overdue, or faulty) for the window or the post',
    auth: 'staff',
    params: CompartmentParam,
    body: RetrieveRequest,
    status: 200,
    response: DepositResponse,
  },
  resolveFault: {
    method: 'POST',
    path: '/api/lockers/:locker/compartments/:number/resolve-fault',
    summary: 'Put a faulty compartment back in use after staff saw to it by hand; its item went to the window or post',
    auth: 'staff',
    params: CompartmentParam,
    body: ResolveFaultRequest,
    status: 200,
    response: ResolveFaultResponse,
  },
  lockerOutbox: {
    method: 'GET',
    path: '/api/lockers/outbox',
    summary: 'Pickup notices written by the default notifier, newest first',
    auth: 'manager',
    status: 200,
    response: OutboxResponse,
  },
  lockerNoticeSent: {
    method: 'POST',
    path: '/api/lockers/outbox/:id/sent',
    summary: 'Mark a pickup notice relayed to the applicant: its text and QR are erased, its phone number masked',
    auth: 'manager',
    params: NoticeParam,
    body: NoticeSentRequest,
    status: 200,
    response: NoticeSentResponse,
  },
  collect: {
    method: 'POST',
    path: '/api/locker/collect',
    summary: 'The applicant entered or scanned a pickup code at this locker',
    auth: 'locker',
    body: CollectRequest,
    status: 200,
    response: CollectResponse,
  },
  doorReport: {
    method: 'POST',
    path: '/api/locker/commands/:commandId/report',
    summary: 'The locker reports a door command opened, failed to open, or its door closed again',
    auth: 'locker',
    params: CommandParam,
    body: DoorReportRequest,
    status: 200,
    response: DoorReportResponse,
  },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Staff login, optionally at a window (A or B post)',
    auth: 'public',
    body: LoginRequest,
    status: 200,
    response: LoginResponse,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the session; a clerk at a window closes it',
    auth: 'staff',
    status: 200,
    response: LogoutResponse,
  },
  loginLockouts: {
    method: 'GET',
    path: '/api/auth/lockouts',
    summary: 'Staff ids and client addresses locked out of login now after repeated wrong passwords, and until when',
    auth: 'manager',
    status: 200,
    response: LoginLockoutsResponse,
  },
  windows: {
    method: 'GET',
    path: '/api/windows',
    summary: 'State of every window',
    auth: 'device',
    status: 200,
    response: WindowsResponse,
  },
  window: {
    method: 'GET',
    path: '/api/windows/:id',
    summary: 'One window: state, current ticket, the next tickets of each served type',
    auth: 'device',
    params: WindowNumberParam,
    status: 200,
    response: WindowDetail,
  },
  callNext: windowAction('callNext'),
  recall: windowAction('recall'),
  noShow: windowAction('noShow'),
  start: windowAction('start'),
  finish: windowAction('finish'),
  transfer: windowAction('transfer'),
  pause: windowAction('pause'),
  resume: windowAction('resume'),
} as const satisfies Record<string, RouteContract>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
