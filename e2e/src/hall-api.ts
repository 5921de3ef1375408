import { randomUUID } from 'node:crypto';
import { createHallClient, type HallClient } from '@hallq/shared/client';
import { Snapshot, type DepositRequest, type ReportQuery } from '@hallq/shared/contracts';
import type { Outcome, PriorityGroup, Ticket } from '@hallq/shared/domain';
import { io } from 'socket.io-client';

// Generous: a scenario's setup shares the machine with Chromium and the server.
const TIMEOUT_MS = 10_000;

/**
 * The staff and device side of a scenario, through the typed client the pages use: each call names its route in
 * routes.ts. A refusal throws `ApiError`, anything else `NetworkError`.
 */
export class HallApi {
  private readonly client: HallClient;

  constructor(readonly url: string) {
    this.client = createHallClient({ baseUrl: url, timeoutMs: TIMEOUT_MS });
  }

  async login(staffId: string, password: string, window?: number): Promise<string> {
    return (await this.client.call('login', { body: { staffId, password, window } })).token;
  }

  hall() {
    return this.client.call('hall');
  }

  queues() {
    return this.client.call('queues');
  }

  private desk: Promise<string> | undefined;

  /**
   * A ticket issued at the reception desk (the demo manager's login): a scenario sets up its queue faster than the
   * kiosk's pace limit lets one kiosk key issue. `key` issues from that device instead; `priority` makes it a
   * priority ticket (优先号) for that group.
   */
  async issue(windowType: string, key?: string, priority?: PriorityGroup) {
    const token = key ?? (await (this.desk ??= this.login('admin', 'admin')));
    return this.client.call('issueTicket', { token, body: { requestId: randomUUID(), windowType, priority } });
  }

  /** The figures of a period (GET /api/reports/summary), as the staff member `token` may see them. */
  report(token: string, query: ReportQuery) {
    return this.client.call('reportSummary', { token, query });
  }

  callNext(window: number, token: string) {
    return this.client.call('callNext', { token, params: { id: window }, body: { requestId: randomUUID() } });
  }

  start(window: number, token: string) {
    return this.client.call('start', { token, params: { id: window }, body: { requestId: randomUUID() } });
  }

  finish(window: number, token: string, outcome: Outcome = { kind: 'completed' }) {
    return this.client.call('finish', { token, params: { id: window }, body: { requestId: randomUUID(), outcome } });
  }

  /**
   * A citizen served start to finish: a `windowType` ticket issued, then called, started and finished at `window` by
   * the clerk whose token is `clerk` (its pad then asks for a rating). The ticket.
   */
  async serve(window: number, clerk: string, windowType: string) {
    const { ticket } = await this.issue(windowType);
    await this.callNext(window, clerk);
    await this.start(window, clerk);
    await this.finish(window, clerk);
    return ticket;
  }

  summary(window: number, token: string) {
    return this.client.call('clerkSummary', { token, params: { id: window } });
  }

  followUps(token: string) {
    return this.client.call('followUps', { token });
  }

  window(window: number) {
    return this.client.call('window', { token: 'demo-display', params: { id: window } });
  }

  book(token: string, windowType: string, slotStart: Date, idNumber?: string) {
    return this.client.call('createAppointment', {
      token,
      body: { requestId: randomUUID(), windowType, slotStart: slotStart.toISOString(), idNumber },
    });
  }

  openGuideCalls(token: string) {
    return this.client.call('guideCalls', { token });
  }

  answerGuide(token: string, id: string) {
    return this.client.call('answerGuide', { token, params: { id }, body: { requestId: randomUUID() } });
  }

  /** A pickup-window clerk (or a manager) deposits a result in the demo locker. */
  deposit(token: string, size: DepositRequest['size'], caseNumber: string) {
    return this.client.call('deposit', {
      token,
      params: { locker: 'locker-1' },
      body: {
        requestId: randomUUID(),
        caseNumber,
        description: '营业执照',
        applicantName: '李*',
        phone: '13900139000',
        size,
      },
    });
  }

  /** The manager's list of notices, newest first: a pickup notice's text holds the code while the notice is live. */
  notices(managerToken: string) {
    return this.client.call('notices', { token: managerToken, query: {} });
  }

  /**
   * Numbers of today's tickets still in play (waiting, transferred, called, serving), from the demo manager's snapshot
   * (a device's holds only the tickets at a window).
   */
  async inPlay(): Promise<string[]> {
    const tickets = await this.staffTickets(await this.login('admin', 'admin'));
    return tickets.map((t) => t.number);
  }

  /** Today's tickets still in play as staff see them (whole tickets: priority, appointment …), from a staff snapshot. */
  async staffTickets(staffToken: string): Promise<Ticket[]> {
    return Snapshot.parse(await this.snapshot(staffToken)).tickets;
  }

  private async snapshot(token: string): Promise<unknown> {
    const socket = io(this.url, { auth: { room: 'hall', token }, transports: ['websocket'] });
    try {
      return await new Promise<unknown>((resolve, reject) => {
        socket.once('snapshot', resolve);
        socket.once('connect_error', reject);
      });
    } finally {
      socket.close();
    }
  }

  /** The public status behind a printed QR code (an absolute URL ending in /t/<token>). */
  status(statusUrl: string) {
    const token = new URL(statusUrl).pathname.split('/').pop()!;
    return this.client.call('ticketStatus', { params: { token } });
  }
}
