import {
  ErrorBody,
  GuideCallResponse,
  IssuedTicket,
  PublicHall,
  QueuesResponse,
  TicketResponse,
  type CallGuideRequest,
  type CancelTicketRequest,
  type ErrorCode,
  type IssueTicketRequest,
} from '@hallq/shared';

/** The server answered with an error body: a refusal the citizen can be told about, with its code. */
export class KioskApiError extends Error {
  override readonly name = 'KioskApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** For refusals with a time in them (closed until …). */
    readonly opensAt: string | null,
  ) {
    super(message);
  }
}

/** No usable answer (network down, timeout, server error): the request may or may not have reached the server. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The queue-server calls the kiosk makes, with its device key. */
export interface KioskApi {
  hall(): Promise<PublicHall>;
  queues(): Promise<QueuesResponse>;
  issueTicket(request: IssueTicketRequest): Promise<IssuedTicket>;
  cancelTicket(number: string, request: CancelTicketRequest): Promise<TicketResponse>;
  callGuide(request: CallGuideRequest): Promise<GuideCallResponse>;
  guideCall(id: string): Promise<GuideCallResponse>;
}

interface Schema<T> {
  parse(data: unknown): T;
}

// A citizen is standing at the screen: better to say "try again" than to spin for a minute.
const TIMEOUT_MS = 10_000;

export function createApi(deviceKey: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): KioskApi {
  async function call<T>(method: 'GET' | 'POST', path: string, schema: Schema<T>, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(path, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${deviceKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(json);
      if (parsed.success && res.status < 500) {
        const { code, message, opensAt } = parsed.data.error;
        throw new KioskApiError(res.status, code, message, opensAt ?? null);
      }
      throw new NetworkError(`HTTP ${res.status}`);
    }
    try {
      return schema.parse(json);
    } catch (error) {
      throw new NetworkError(`unexpected answer from ${path}: ${String(error)}`);
    }
  }

  return {
    hall: () => call('GET', '/api/hall', PublicHall),
    queues: () => call('GET', '/api/queues', QueuesResponse),
    issueTicket: (request) => call('POST', '/api/tickets', IssuedTicket, request),
    cancelTicket: (number, request) =>
      call('POST', `/api/tickets/${encodeURIComponent(number)}/cancel`, TicketResponse, request),
    callGuide: (request) => call('POST', '/api/guide-calls', GuideCallResponse, request),
    guideCall: (id) => call('GET', `/api/guide-calls/${encodeURIComponent(id)}`, GuideCallResponse),
  };
}
