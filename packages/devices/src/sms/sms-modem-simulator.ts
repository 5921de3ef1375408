import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { decodeSubmit, splitSmscAddress, type ConcatInfo } from './sms-pdu';
import { Reassembly } from './sms-reassembly';
import { cdsPduLines } from './sms-status-report';
import { decodeTextModeSubmission, formatTextStatusReport } from './sms-text-mode';

/** One part as the simulated modem put it on the air. */
export interface SimulatedPart {
  reference: number;
  recipient: string;
  text: string;
  concat: ConcatInfo | null;
  statusReport: boolean;
}

/** A whole text, its parts put back together as the recipient's phone would. */
export interface SimulatedSms {
  recipient: string;
  text: string;
  references: number[];
}

export type SimulatedRegistration = 'home' | 'roaming' | 'searching' | 'denied' | 'none';

export interface SmsModemSimulatorEvents {
  /** A command line as it arrives (a silent modem's too). */
  command: [string];
  part: [SimulatedPart];
  sent: [SimulatedSms];
  /** A status report went out (+CDS). */
  report: [{ reference: number; statusCode: number }];
}

export interface SmsModemSimulatorOptions {
  /** How long every answer takes. */
  replyDelayMs?: number;
  /** Parts sent with a status report request are reported delivered after this long; null: only on `deliver()`. */
  deliveryDelayMs?: number | null;
  /** The service centre named at the head of each +CDS PDU. */
  serviceCentre?: string;
}

const CTRL_Z = '\x1a';
const ESC = '\x1b';

// TS 27.007 clause 7.2 <stat> for each simulated state.
const STAT: Record<SimulatedRegistration, number> = { none: 0, home: 1, searching: 2, denied: 3, roaming: 5 };

interface Line {
  stream: Duplex;
  echo: boolean;
  cmee: number;
  pduMode: boolean;
  ucs2: boolean;
  firstOctet: number;
  reportsRouted: boolean;
  /** Set between an AT+CMGS and the Ctrl-Z ending its message. */
  entry: { length: number } | { da: string } | null;
  input: string;
  replies: Promise<void>;
}

interface PendingReport {
  line: Line;
  part: SimulatedPart;
  pduMode: boolean;
}

/**
 * A GSM/4G modem on the far end of a serial link (one side of a socat pty pair, or any Duplex), answering the AT
 * commands the driver uses as real modems do: echo until ATE0, the "> " prompt of AT+CMGS, +CMGS: <mr>, and +CDS
 * status reports when AT+CNMI routes them.
 */
export class SmsModemSimulator extends EventEmitter<SmsModemSimulatorEvents> {
  sim: 'ready' | 'absent' | 'pin' = 'ready';
  registration: SimulatedRegistration = 'home';
  /** +CSQ <rssi>, 0–31 or 99. */
  rssi = 20;
  /** A silent modem hears commands but never answers, as one that has hung. */
  silent = false;
  replyDelayMs: number;
  deliveryDelayMs: number | null;
  /** What went out, part by part. */
  readonly parts: SimulatedPart[] = [];
  /** What went out, the parts of each text put together. */
  readonly messages: SimulatedSms[] = [];
  private readonly serviceCentre: string;
  private readonly lines = new Set<Line>();
  private readonly pending: PendingReport[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly reassembly = new Reassembly<SimulatedPart>();
  private failures: number[] = [];
  private nextReference = 0;

  constructor(options: SmsModemSimulatorOptions = {}) {
    super();
    this.replyDelayMs = options.replyDelayMs ?? 0;
    this.deliveryDelayMs = options.deliveryDelayMs ?? null;
    this.serviceCentre = options.serviceCentre ?? '+8613800100500';
  }

  /** The next send fails after its message is typed in, with this +CMS ERROR code. */
  failNextSend(cmsCode: number): void {
    this.failures.push(cmsCode);
  }

  /**
   * Sends the status reports still owed (all, or the one for `reference`) with TP-ST `statusCode`, 0 (received)
   * unless told. A temporary-error code (0x20–0x3F) keeps the report owed, as the service centre keeps trying.
   * Returns how many went out.
   */
  deliver(options: { reference?: number; statusCode?: number } = {}): number {
    const statusCode = options.statusCode ?? 0;
    const due = this.pending.filter((p) => options.reference === undefined || p.part.reference === options.reference);
    for (const report of due) {
      if (statusCode < 0x20 || statusCode > 0x3f) this.pending.splice(this.pending.indexOf(report), 1);
      this.sendReport(report, statusCode);
    }
    return due.length;
  }

  attach(stream: Duplex): void {
    const line: Line = {
      stream,
      echo: true,
      cmee: 0,
      pduMode: true,
      ucs2: false,
      firstOctet: 17,
      reportsRouted: false,
      entry: null,
      input: '',
      replies: Promise.resolve(),
    };
    this.lines.add(line);
    stream.on('data', (chunk: Buffer) => {
      line.input += chunk.toString('latin1');
      this.consume(line);
    });
    stream.on('error', () => stream.destroy());
    stream.on('close', () => this.lines.delete(line));
  }

  /** Hangs up every attached stream and drops the reports still owed. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const line of this.lines) line.stream.destroy();
    this.lines.clear();
    this.pending.length = 0;
  }

  private consume(line: Line): void {
    for (;;) {
      if (line.entry !== null) {
        const ends = [line.input.indexOf(CTRL_Z), line.input.indexOf(ESC)].filter((i) => i >= 0);
        if (ends.length === 0) return;
        const end = Math.min(...ends);
        const body = line.input.slice(0, end);
        const cancelled = line.input[end] === ESC;
        line.input = line.input.slice(end + 1);
        const entry = line.entry;
        line.entry = null;
        if (this.silent) continue;
        if (cancelled) this.reply(line, ['OK']);
        else this.submit(line, entry, body.trim());
        continue;
      }
      const end = line.input.indexOf('\r');
      if (end < 0) return;
      // Control characters in command mode (a line feed, the ESC of a cancelled message entry) are dropped, as modems do.
      const command = [...line.input.slice(0, end)]
        .filter((ch) => ch >= ' ')
        .join('')
        .trim();
      line.input = line.input.slice(end + 1);
      if (command === '') continue;
      this.emit('command', command);
      if (this.silent) continue;
      if (line.echo) this.write(line, `${command}\r`);
      this.answer(line, command);
    }
  }

  private answer(line: Line, command: string): void {
    const upper = command.toUpperCase();
    const arg = (prefix: string) => command.slice(prefix.length);
    if (upper === 'AT') return this.reply(line, ['OK']);
    if (/^ATE[01]$/.test(upper)) {
      line.echo = upper === 'ATE1';
      return this.reply(line, ['OK']);
    }
    if (/^AT\+CMEE=[012]$/.test(upper)) {
      line.cmee = Number(arg('AT+CMEE='));
      return this.reply(line, ['OK']);
    }
    if (upper === 'AT+CPIN?') {
      if (this.sim === 'absent') return this.reply(line, [this.cmeError(line, 10, 'SIM not inserted')]);
      return this.reply(line, [`+CPIN: ${this.sim === 'pin' ? 'SIM PIN' : 'READY'}`, 'OK']);
    }
    if (/^AT\+CMGF=[01]$/.test(upper)) {
      line.pduMode = upper.endsWith('0');
      return this.reply(line, ['OK']);
    }
    if (/^AT\+CSCS="(UCS2|IRA|GSM)"$/.test(upper)) {
      line.ucs2 = upper.includes('UCS2');
      return this.reply(line, ['OK']);
    }
    if (/^AT\+CSMP=\d+,\d+,\d+,\d+$/.test(upper)) {
      line.firstOctet = Number(arg('AT+CSMP=').split(',')[0]);
      return this.reply(line, ['OK']);
    }
    if (/^AT\+CNMI=[\d,]*$/.test(upper)) {
      // TS 27.005 clause 3.4.1: the fourth parameter, <ds>, routes status reports as +CDS when 1.
      line.reportsRouted = arg('AT+CNMI=').split(',')[3] === '1';
      return this.reply(line, ['OK']);
    }
    if (upper === 'AT+CSQ') return this.reply(line, [`+CSQ: ${this.rssi},99`, 'OK']);
    if (upper === 'AT+CREG?' || upper === 'AT+CEREG?') {
      const prefix = upper.slice(2, -1);
      return this.reply(line, [`${prefix}: 0,${STAT[this.registration]}`, 'OK']);
    }
    const pduSend = /^AT\+CMGS=(\d+)$/.exec(upper);
    if (pduSend && line.pduMode) {
      line.entry = { length: Number(pduSend[1]) };
      return this.prompt(line);
    }
    const textSend = /^AT\+CMGS="([^"]+)"(?:,\d+)?$/.exec(command);
    if (textSend && !line.pduMode) {
      line.entry = { da: textSend[1] as string };
      return this.prompt(line);
    }
    this.reply(line, ['ERROR']);
  }

  private submit(line: Line, entry: { length: number } | { da: string }, body: string): void {
    if (this.sim !== 'ready') return this.reply(line, ['+CMS ERROR: 310']);
    if (this.registration !== 'home' && this.registration !== 'roaming') {
      return this.reply(line, ['+CMS ERROR: 331']);
    }
    const failure = this.failures.shift();
    if (failure !== undefined) return this.reply(line, [`+CMS ERROR: ${failure}`]);
    let part: Omit<SimulatedPart, 'reference'>;
    try {
      if ('length' in entry) part = decodeSubmit(splitSmscAddress(body, entry.length));
      else {
        const decoded = line.ucs2
          ? decodeTextModeSubmission(entry.da, line.firstOctet, body)
          : { recipient: entry.da, text: body, concat: null };
        part = { ...decoded, statusReport: (line.firstOctet & 0x20) !== 0 };
      }
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      // TS 27.005 clause 3.2.5: 304 invalid PDU mode parameter, 305 invalid text mode parameter.
      return this.reply(line, [`+CMS ERROR: ${'length' in entry ? 304 : 305}`]);
    }
    const sent: SimulatedPart = {
      reference: this.nextReference,
      recipient: part.recipient,
      text: part.text,
      concat: part.concat,
      statusReport: part.statusReport,
    };
    this.nextReference = (this.nextReference + 1) % 256;
    this.record(sent);
    this.reply(line, [`+CMGS: ${sent.reference}`, 'OK']);
    if (sent.statusReport && line.reportsRouted) {
      this.pending.push({ line, part: sent, pduMode: line.pduMode });
      if (this.deliveryDelayMs !== null) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.deliver({ reference: sent.reference });
        }, this.deliveryDelayMs);
        this.timers.add(timer);
      }
    }
  }

  private record(part: SimulatedPart): void {
    this.parts.push(part);
    this.emit('part', part);
    const parts = this.reassembly.add(part);
    if (parts === null) return;
    const sms = {
      recipient: part.recipient,
      text: parts.map((p) => p.text).join(''),
      references: parts.map((p) => p.reference),
    };
    this.messages.push(sms);
    this.emit('sent', sms);
  }

  private sendReport({ line, part, pduMode }: PendingReport, statusCode: number): void {
    const now = new Date();
    const report = { messageReference: part.reference, recipient: part.recipient, statusCode };
    const times = { serviceCentreTime: now, dischargeTime: now };
    const lines = pduMode
      ? cdsPduLines({ ...report, ...times }, this.serviceCentre)
      : [`+CDS: ${formatTextStatusReport({ ...report, ...times })}`];
    this.unsolicited(line, lines);
    this.emit('report', { reference: part.reference, statusCode });
  }

  private cmeError(line: Line, code: number, text: string): string {
    return line.cmee === 0 ? 'ERROR' : `+CME ERROR: ${line.cmee === 1 ? code : text}`;
  }

  private prompt(line: Line): void {
    this.later(line, '\r\n> ');
  }

  private reply(line: Line, lines: string[]): void {
    this.later(line, lines.map((l) => `\r\n${l}\r\n`).join(''));
  }

  private unsolicited(line: Line, lines: string[]): void {
    this.write(line, `\r\n${lines.join('\r\n')}\r\n`);
  }

  /** Answers in the order the commands came, each after the delay. */
  private later(line: Line, text: string): void {
    const delayMs = this.replyDelayMs;
    line.replies = line.replies.then(async () => {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      this.write(line, text);
    });
  }

  private write(line: Line, text: string): void {
    if (!line.stream.destroyed) line.stream.write(Buffer.from(text, 'latin1'));
  }
}
