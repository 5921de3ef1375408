import { randomUUID } from 'node:crypto';
import {
  AppointmentRecord,
  ClerkSummary,
  DepositResponse,
  FollowUpsResponse,
  GuideCallResponse,
  GuideCallsResponse,
  IssuedTicket,
  LoginResponse,
  OutboxResponse,
  Snapshot,
  TicketStatus,
  WindowActionResponse,
  WindowDetail,
} from '@hallq/shared/contracts';
import { type Outcome } from '@hallq/shared/domain';
import { io } from 'socket.io-client';
import type { z } from 'zod';

/** The staff and device side of a scenario, through the same HTTP API the counter panel and kiosks use. */
export class HallApi {
  constructor(readonly url: string) {}

  async call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, token?: string, body?: object): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(path === '/api/auth/login' ? body : { requestId: randomUUID(), ...body }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return schema.parse(json);
  }

  async login(staffId: string, password: string, window?: number): Promise<string> {
    const r = await this.call('POST', '/api/auth/login', LoginResponse, undefined, { staffId, password, window });
    return r.token;
  }

  issue(windowType: string, key = 'demo-kiosk'): Promise<IssuedTicket> {
    return this.call('POST', '/api/tickets', IssuedTicket, key, { windowType });
  }

  callNext(window: number, token: string): Promise<WindowActionResponse> {
    return this.call('POST', `/api/windows/${window}/call-next`, WindowActionResponse, token, {});
  }

  start(window: number, token: string): Promise<WindowActionResponse> {
    return this.call('POST', `/api/windows/${window}/start`, WindowActionResponse, token, {});
  }

  finish(window: number, token: string, outcome: Outcome = { kind: 'completed' }): Promise<WindowActionResponse> {
    return this.call('POST', `/api/windows/${window}/finish`, WindowActionResponse, token, { outcome });
  }

  summary(window: number, token: string): Promise<ClerkSummary> {
    return this.call('GET', `/api/windows/${window}/summary`, ClerkSummary, token);
  }

  followUps(token: string): Promise<FollowUpsResponse> {
    return this.call('GET', '/api/follow-ups', FollowUpsResponse, token);
  }

  window(window: number): Promise<WindowDetail> {
    return this.call('GET', `/api/windows/${window}`, WindowDetail, 'demo-display');
  }

  book(token: string, windowType: string, slotStart: Date, idNumber?: string): Promise<AppointmentRecord> {
    return this.call('POST', '/api/appointments', AppointmentRecord, token, {
      windowType,
      slotStart: slotStart.toISOString(),
      idNumber,
    });
  }

  openGuideCalls(token: string): Promise<GuideCallsResponse> {
    return this.call('GET', '/api/guide-calls', GuideCallsResponse, token);
  }

  answerGuide(token: string, id: string): Promise<GuideCallResponse> {
    return this.call('POST', `/api/guide-calls/${id}/answer`, GuideCallResponse, token, {});
  }

  /** A pickup-window clerk (or a manager) deposits a result in the demo locker. */
  deposit(token: string, size: 'S' | 'M' | 'L', caseNumber: string): Promise<DepositResponse> {
    return this.call('POST', '/api/lockers/locker-1/deposits', DepositResponse, token, {
      caseNumber,
      description: '营业执照',
      applicantName: '李*',
      phone: '13900139000',
      size,
    });
  }

  outbox(managerToken: string): Promise<OutboxResponse> {
    return this.call('GET', '/api/lockers/outbox', OutboxResponse, managerToken);
  }

  /** Numbers of today's tickets still in play (waiting, transferred, called, serving), from a hall display's snapshot. */
  async inPlay(): Promise<string[]> {
    const socket = io(this.url, { auth: { room: 'hall', token: 'demo-display' }, transports: ['websocket'] });
    try {
      const snapshot = await new Promise<Snapshot>((resolve, reject) => {
        socket.once('snapshot', (s: unknown) => resolve(Snapshot.parse(s)));
        socket.once('connect_error', reject);
      });
      return snapshot.tickets.map((t) => t.number);
    } finally {
      socket.close();
    }
  }

  /** The public status behind a printed QR code (an absolute URL ending in /t/<token>). */
  status(statusUrl: string): Promise<TicketStatus> {
    const token = new URL(statusUrl).pathname.split('/').pop()!;
    return this.call('GET', `/api/tickets/status/${token}`, TicketStatus);
  }
}
