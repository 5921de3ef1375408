import { createApiClient } from '@hallq/shared/client';
import {
  GuideCallResponse,
  IssuedTicket,
  PublicHall,
  QueuesResponse,
  TicketResponse,
  type CallGuideRequest,
  type CancelTicketRequest,
  type IssueTicketRequest,
} from '@hallq/shared/contracts';

/** The queue-server calls the kiosk makes, with its device key. */
export interface KioskApi {
  hall(): Promise<PublicHall>;
  queues(): Promise<QueuesResponse>;
  issueTicket(request: IssueTicketRequest): Promise<IssuedTicket>;
  cancelTicket(number: string, request: CancelTicketRequest): Promise<TicketResponse>;
  callGuide(request: CallGuideRequest): Promise<GuideCallResponse>;
  guideCall(id: string): Promise<GuideCallResponse>;
}

// A citizen is standing at the screen: better to say "try again" than to spin for a minute.
const TIMEOUT_MS = 10_000;

export function createApi(deviceKey: string): KioskApi {
  const call = createApiClient({ timeoutMs: TIMEOUT_MS, token: deviceKey });
  return {
    hall: () => call('/api/hall', PublicHall),
    queues: () => call('/api/queues', QueuesResponse),
    issueTicket: (request) => call('/api/tickets', IssuedTicket, { body: request }),
    cancelTicket: (number, request) =>
      call(`/api/tickets/${encodeURIComponent(number)}/cancel`, TicketResponse, { body: request }),
    callGuide: (request) => call('/api/guide-calls', GuideCallResponse, { body: request }),
    guideCall: (id) => call(`/api/guide-calls/${encodeURIComponent(id)}`, GuideCallResponse),
  };
}
