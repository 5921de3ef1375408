import { randomUUID } from 'node:crypto';
import { ApiError, createHallClient, type HallClient } from '@hallq/shared/client';
import type {
  ClaimedNotice,
  NoticeAgentStatus,
  NoticeResultRequest,
  PartDeliveryReport,
} from '@hallq/shared/contracts';
import { smsSendFailure } from './send-failure';
import { openSmsModem, type SmsModem } from './sms-modem';

/** The 短信猫 on the kiosk's PC, as the kiosk's settings name it. */
export interface NoticeAgentModem {
  /** The modem's AT port, e.g. /dev/ttyUSB2 or COM3. */
  path: string;
  baudRate: number;
}

export interface NoticeAgentOptions {
  serverUrl: string;
  /** The kiosk's own device key: the server gives notices only to the kiosk its settings name (notices.kiosk). */
  deviceKey: string;
  modem: NoticeAgentModem;
  /** The pause between two claims while no notice is due. */
  idleMs?: number;
  /** How often the modem's signal and network are reported (the manager's list shows them). */
  statusMs?: number;
  /** The first wait after the server or the modem was away; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long one request may wait for the server. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface NoticeAgent {
  /** Stops claiming, cuts off a send under way (the server tries that notice again once its lease ends), closes the port. */
  stop(): Promise<void>;
}

class Stopped extends Error {}

/**
 * The kiosk's notice agent, for a hall whose server has no mobile signal: it takes the notices from the server one at
 * a time (`claimNotice`, leased to it), sends each through the kiosk's 短信猫, reports what became of it and the
 * network's delivery reports, and tells the server of its modem every `statusMs`. It claims only while its modem is on
 * the network, and waits longer each time the server or the modem is away. Every report is sent again with its
 * requestId until the server answers, so none is applied twice; nothing of a notice is logged.
 */
export function startNoticeAgent(options: NoticeAgentOptions): NoticeAgent {
  const idleMs = options.idleMs ?? 3000;
  const statusMs = options.statusMs ?? 20_000;
  const firstBackoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const log = options.log ?? ((line: string) => console.log(`[notices] ${line}`));
  const client: HallClient = createHallClient({
    baseUrl: options.serverUrl,
    token: options.deviceKey,
    timeoutMs: options.timeoutMs ?? 10_000,
  });

  let stopped = false;
  let modem: SmsModem | null = null;
  let registered = false;
  let statusAt = -Infinity;
  let backoff = firstBackoff;
  let trouble: string | null = null;
  let wake: (() => void) | null = null;
  const reports: PartDeliveryReport[] = [];

  /** Resolves after `ms`, or at once when a delivery report comes in or the agent stops. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** A trouble is logged when it starts and when it ends, not at every retry. */
  const troubled = (what: string | null) => {
    if (what !== null && what !== trouble) log(`${what}; trying again`);
    if (what === null && trouble !== null) log('working again');
    trouble = what;
  };

  /** One request to the server, repeated with the same body until it answers; a refusal is final. */
  const deliver = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      if (stopped) throw new Stopped();
      try {
        return await call();
      } catch (error) {
        if (error instanceof ApiError || stopped) throw error;
        troubled(`the server does not answer (${(error as Error).message})`);
        await pause(backoff);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    }
  };

  const dropModem = async () => {
    const device = modem;
    modem = null;
    registered = false;
    await device?.close().catch(() => undefined);
  };

  const connected = async (): Promise<SmsModem> => {
    if (modem) return modem;
    const opened = await openSmsModem({ path: options.modem.path, baudRate: options.modem.baudRate });
    if (stopped) {
      await opened.close();
      throw new Stopped();
    }
    opened.on('deliveryReport', (r) => {
      if (r.state === 'pending') return;
      reports.push({ reference: r.messageReference, state: r.state, meaning: r.meaning.slice(0, 200) });
      wake?.();
    });
    statusAt = -Infinity;
    return (modem = opened);
  };

  const reportStatus = async (status: NoticeAgentStatus) => {
    await deliver(() => client.call('noticeAgentStatus', { body: status }));
    statusAt = Date.now();
  };

  /** The modem's signal and network, asked between sends (the AT line carries one thing at a time). */
  const checkModem = async (device: SmsModem) => {
    let status: NoticeAgentStatus;
    try {
      const [signal, network] = [await device.signal(), await device.registration()];
      registered = network.registered;
      status = { signal: signal.rssi, registered, registration: network.state, problem: null };
    } catch (error) {
      if (stopped) throw new Stopped();
      // A modem that stopped answering is opened afresh next round.
      await dropModem();
      const problem = smsSendFailure(error).message.slice(0, 300);
      status = { signal: null, registered: false, registration: null, problem };
    }
    await reportStatus(status);
  };

  const flushReports = async () => {
    while (reports.length > 0) {
      const batch = reports.slice(0, 100);
      const requestId = randomUUID();
      await deliver(() => client.call('noticeReports', { body: { requestId, reports: batch } }));
      reports.splice(0, batch.length);
    }
  };

  const sendOne = async (device: SmsModem, notice: ClaimedNotice): Promise<NoticeResultRequest> => {
    const requestId = randomUUID();
    try {
      const sent = await device.send({ to: notice.phone, text: notice.text, deliveryReport: true });
      return { requestId, outcome: 'sent', references: sent.references };
    } catch (error) {
      // Stopped mid-send: nothing is reported; the server's lease runs out and it offers the notice again.
      if (stopped) throw new Stopped();
      const failure = smsSendFailure(error);
      if (failure.lineLost) await dropModem();
      return { requestId, outcome: 'failed', error: failure.message.slice(0, 300), retry: failure.retry };
    }
  };

  const round = async () => {
    let device: SmsModem;
    try {
      device = await connected();
    } catch (error) {
      if (error instanceof Stopped) throw error;
      const problem = `cannot open the modem: ${(error as Error).message}`.slice(0, 300);
      await reportStatus({ signal: null, registered: false, registration: null, problem });
      throw new Error(problem);
    }
    if (Date.now() - statusAt >= statusMs) await checkModem(device);
    await flushReports();
    // Off the network the modem could send nothing: the notices stay with the server until it is back.
    if (!registered) {
      troubled('the modem is not on the network');
      await pause(backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
      statusAt = -Infinity;
      return;
    }
    const claimId = randomUUID();
    const { notice } = await deliver(() => client.call('claimNotice', { body: { requestId: claimId } }));
    troubled(null);
    backoff = firstBackoff;
    if (!notice) {
      await pause(idleMs);
      return;
    }
    const result = await sendOne(device, notice);
    const answer = await deliver(() => client.call('noticeResult', { params: { id: notice.id }, body: result }));
    if (!answer.applied) log('a result came after its lease ended: the server had offered the notice again');
  };

  const run = async () => {
    while (!stopped) {
      try {
        await round();
      } catch (error) {
        if (stopped || error instanceof Stopped) break;
        // A refusal (this kiosk is not the one the hall names) will not pass by itself: wait the longest.
        const wait = error instanceof ApiError ? maxBackoff : backoff;
        troubled(error instanceof ApiError ? `the server refuses: ${error.message}` : (error as Error).message);
        await pause(wait);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    }
  };

  const running = run();
  return {
    async stop() {
      stopped = true;
      wake?.();
      // The port closed under a send fails it at once, rather than after the network's minute.
      await dropModem();
      await running;
    },
  };
}
