import { createApiClient } from '@hallq/shared/client';
import {
  DepositResponse,
  FollowUpResponse,
  FollowUpsResponse,
  LockersResponse,
  LoginResponse,
  OutboxResponse,
  PublicHall,
  ResolveFaultResponse,
  type AssignFollowUpRequest,
  type CloseFollowUpRequest,
  type NoteFollowUpRequest,
  type ResolveFaultRequest,
  type RetrieveRequest,
} from '@hallq/shared/contracts';

/** What the manager console asks of the queue server; calls after login carry the staff token. */
export interface ManagerApi {
  login(staffId: string, password: string): Promise<LoginResponse>;
  hall(): Promise<PublicHall>;
  followUps(token: string): Promise<FollowUpsResponse>;
  assign(token: string, id: string, body: AssignFollowUpRequest): Promise<FollowUpResponse>;
  note(token: string, id: string, body: NoteFollowUpRequest): Promise<FollowUpResponse>;
  close(token: string, id: string, body: CloseFollowUpRequest): Promise<FollowUpResponse>;
  lockers(token: string): Promise<LockersResponse>;
  retrieve(token: string, locker: string, number: string, body: RetrieveRequest): Promise<DepositResponse>;
  resolveFault(token: string, locker: string, number: string, body: ResolveFaultRequest): Promise<ResolveFaultResponse>;
  outbox(token: string): Promise<OutboxResponse>;
}

const TIMEOUT_MS = 15_000;

export function createManagerApi(): ManagerApi {
  const call = createApiClient({ timeoutMs: TIMEOUT_MS });
  const followUp = (action: string) => (token: string, id: string, body: unknown) =>
    call(`/api/follow-ups/${encodeURIComponent(id)}/${action}`, FollowUpResponse, { token, body });
  const compartment = (locker: string, number: string, action: string) =>
    `/api/lockers/${encodeURIComponent(locker)}/compartments/${encodeURIComponent(number)}/${action}`;

  return {
    login: (staffId, password) => call('/api/auth/login', LoginResponse, { body: { staffId, password } }),
    hall: () => call('/api/hall', PublicHall),
    followUps: (token) => call('/api/follow-ups', FollowUpsResponse, { token }),
    assign: followUp('assign'),
    note: followUp('note'),
    close: followUp('close'),
    lockers: (token) => call('/api/lockers', LockersResponse, { token }),
    retrieve: (token, locker, number, body) =>
      call(compartment(locker, number, 'retrieve'), DepositResponse, { token, body }),
    resolveFault: (token, locker, number, body) =>
      call(compartment(locker, number, 'resolve-fault'), ResolveFaultResponse, { token, body }),
    outbox: (token) => call('/api/lockers/outbox', OutboxResponse, { token }),
  };
}
