import {
  createApiClient,
  FollowUpResponse,
  FollowUpsResponse,
  LoginResponse,
  PublicHall,
  type AssignFollowUpRequest,
  type CloseFollowUpRequest,
  type NoteFollowUpRequest,
} from '@hallq/shared';

/** What the manager console asks of the queue server; calls after login carry the staff token. */
export interface ManagerApi {
  login(staffId: string, password: string): Promise<LoginResponse>;
  hall(): Promise<PublicHall>;
  followUps(token: string): Promise<FollowUpsResponse>;
  assign(token: string, id: string, body: AssignFollowUpRequest): Promise<FollowUpResponse>;
  note(token: string, id: string, body: NoteFollowUpRequest): Promise<FollowUpResponse>;
  close(token: string, id: string, body: CloseFollowUpRequest): Promise<FollowUpResponse>;
}

const TIMEOUT_MS = 15_000;

export function createManagerApi(): ManagerApi {
  const call = createApiClient({ timeoutMs: TIMEOUT_MS });
  const followUp = (action: string) => (token: string, id: string, body: unknown) =>
    call(`/api/follow-ups/${encodeURIComponent(id)}/${action}`, FollowUpResponse, { token, body });

  return {
    login: (staffId, password) => call('/api/auth/login', LoginResponse, { body: { staffId, password } }),
    hall: () => call('/api/hall', PublicHall),
    followUps: (token) => call('/api/follow-ups', FollowUpsResponse, { token }),
    assign: followUp('assign'),
    note: followUp('note'),
    close: followUp('close'),
  };
}
