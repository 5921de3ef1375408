/**
 * A line-oriented AT command session (ITU-T V.250 as TS 27.007 clause 4 uses it): one command at a time, its
 * information lines collected until a final result code (OK, ERROR, +CME ERROR, +CMS ERROR), and the message-entry
 * prompt of AT+CMGS (TS 27.005 clause 3.5.1). Status reports (+CDS) arriving in between are handed out as events.
 */
import { EventEmitter } from 'node:events';
import { closePort, onPortLost, writeToPort, type DevicePort } from '../serial/serial-port';
import { SmsModemTimeoutError, SmsPortGoneError } from './sms-errors';

export type AtPort = DevicePort;

const CTRL_Z = '\x1a';
const ESC = '\x1b';

/** The command without its arguments, for messages: AT+CMGS in text mode carries the phone number. */
export function commandName(command: string): string {
  return command.replace(/=.*$/s, '');
}

/** A final result code other than OK. The modem driver turns it into the typed error the command calls for. */
export class AtFinalError extends Error {
  constructor(
    readonly command: string,
    readonly kind: 'ERROR' | 'CME' | 'CMS',
    /** The numeric code, or null for a bare ERROR or a verbose (+CMEE=2) text. */
    readonly code: number | null,
  ) {
    super(`${commandName(command)}: ${kind === 'ERROR' ? 'ERROR' : `+${kind} ERROR ${code ?? '(text)'}`}`);
    this.name = 'AtFinalError';
  }
}

export interface AtSessionEvents {
  /** +CDS in PDU mode: <length> is the TPDU's octets (TS 27.005 clause 3.4.1); the hex may start with an SMSC address. */
  cdsPdu: [{ length: number; hex: string }];
  /** +CDS in text mode: the fields after the colon. */
  cdsText: [string];
}

interface Waiting {
  command: string;
  lines: string[];
  /** Set while AT+CMGS waits for "> ": what to type then. */
  payload: string | null;
  done: (lines: string[]) => void;
  fail: (err: Error) => void;
  restartTimer: (ms: number) => void;
  sendTimeoutMs: number;
}

/** How long the line must stay quiet after the OK of a resynchronising AT. */
const RESYNC_QUIET_MS = 200;

const FINAL = /^(?:OK|ERROR|\+CME ERROR:\s*(.*)|\+CMS ERROR:\s*(.*))$/;

export class AtSession extends EventEmitter<AtSessionEvents> {
  private line: Promise<unknown> = Promise.resolve();
  private buffer = '';
  private waiting: Waiting | null = null;
  /** Set after "+CDS: <length>" in PDU mode: the next line is its PDU. */
  private cdsLength: number | null = null;
  private gone: Error | null = null;
  /** Set by a timeout: the modem may still answer the command given up on, or sit in message entry. */
  private unsure = false;
  /** Set while resynchronising: called on every line that arrives. */
  private syncing: { line: (final: boolean) => void; fail: (err: Error) => void } | null = null;

  constructor(
    private readonly port: AtPort,
    readonly path: string,
  ) {
    super();
    port.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
    onPortLost(port, (loss) => this.lost(new SmsPortGoneError(loss.message, path)));
  }

  /** Runs a command; resolves its information lines (without echo, blank lines and the final OK). */
  run(command: string, timeoutMs: number): Promise<string[]> {
    return this.queue(command, null, timeoutMs, timeoutMs);
  }

  /**
   * A command that prompts for a message body (AT+CMGS): types `payload` and Ctrl-Z at the "> " prompt. The prompt
   * must come within `timeoutMs`; the network then has `sendTimeoutMs` to take the message.
   */
  runWithPrompt(command: string, payload: string, timeoutMs: number, sendTimeoutMs: number): Promise<string[]> {
    return this.queue(command, payload, timeoutMs, sendTimeoutMs);
  }

  async close(): Promise<void> {
    this.lost(new SmsPortGoneError(`${this.path} was closed`, this.path));
    await closePort(this.port);
  }

  private lost(error: Error): void {
    this.gone ??= error;
    this.waiting?.fail(error);
    this.syncing?.fail(error);
  }

  private queue(command: string, payload: string | null, timeoutMs: number, sendTimeoutMs: number) {
    const result = this.line.then(async () => {
      if (this.unsure) await this.resync(timeoutMs);
      return this.exchange(command, payload, timeoutMs, sendTimeoutMs);
    });
    this.line = result.catch(() => undefined);
    return result;
  }

  /**
   * Brings the line back in step after a timeout, so a late answer to the command given up on is not taken for the
   * next one's: ESC leaves any message entry, then "AT" is sent and everything is dropped until its OK is followed
   * by a quiet spell.
   */
  private resync(timeoutMs: number): Promise<void> {
    if (this.gone !== null) return Promise.reject(this.gone);
    return new Promise<void>((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(deadline);
        clearTimeout(quiet);
        this.syncing = null;
      };
      const deadline = setTimeout(() => {
        finish();
        reject(new SmsModemTimeoutError(`${this.path} did not answer AT within ${timeoutMs} ms`, this.path));
      }, timeoutMs);
      this.syncing = {
        line: (final) => {
          if (!final && quiet === undefined) return;
          // The modem answered: from now on only the quiet spell counts.
          clearTimeout(deadline);
          clearTimeout(quiet);
          quiet = setTimeout(
            () => {
              finish();
              this.unsure = false;
              resolve();
            },
            Math.min(RESYNC_QUIET_MS, timeoutMs),
          );
        },
        fail: (err) => {
          finish();
          reject(err);
        },
      };
      this.write(`${ESC}AT\r`);
    });
  }

  private exchange(command: string, payload: string | null, timeoutMs: number, sendTimeoutMs: number) {
    if (this.gone !== null) return Promise.reject(this.gone);
    return new Promise<string[]>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        clearTimeout(timer);
        this.waiting = null;
      };
      const restartTimer = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const atPrompt = this.waiting?.payload !== null;
          settle();
          this.unsure = true;
          // Leaves message entry, so the modem does not take the next command as message text.
          if (atPrompt) this.write(ESC);
          reject(
            new SmsModemTimeoutError(`${this.path} did not answer ${commandName(command)} within ${ms} ms`, this.path),
          );
        }, ms);
      };
      this.waiting = {
        command,
        lines: [],
        payload,
        sendTimeoutMs,
        restartTimer,
        done: (lines) => {
          settle();
          resolve(lines);
        },
        fail: (err) => {
          settle();
          reject(err);
        },
      };
      restartTimer(timeoutMs);
      this.write(`${command}\r`);
    });
  }

  private write(text: string): void {
    writeToPort(this.port, Buffer.from(text, 'latin1'), (message) =>
      this.lost(new SmsPortGoneError(message, this.path)),
    );
  }

  private onData(text: string): void {
    this.buffer += text;
    for (;;) {
      this.buffer = this.buffer.replace(/^[\r\n]+/, '');
      const waiting = this.waiting;
      // The prompt is "> " with no line end after it (TS 27.005 clause 3.5.1).
      if (waiting?.payload != null && this.buffer.startsWith('>')) {
        this.buffer = this.buffer.replace(/^> ?/, '');
        const payload = waiting.payload;
        waiting.payload = null;
        waiting.restartTimer(waiting.sendTimeoutMs);
        this.write(payload + CTRL_Z);
        continue;
      }
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) return;
      const line = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end + 1);
      if (line !== '') this.onLine(line);
    }
  }

  private onLine(line: string): void {
    if (this.cdsLength !== null) {
      const length = this.cdsLength;
      this.cdsLength = null;
      this.emit('cdsPdu', { length, hex: line });
      return;
    }
    const cds = /^\+CDS:\s*(.*)$/.exec(line);
    if (cds) {
      const rest = cds[1] as string;
      if (/^\d+$/.test(rest)) this.cdsLength = Number(rest);
      else this.emit('cdsText', rest);
      return;
    }
    if (this.syncing !== null) {
      this.syncing.line(FINAL.test(line));
      return;
    }
    const waiting = this.waiting;
    // Lines nobody waits for are unsolicited codes we did not ask for, or a reply to a command that timed out.
    if (waiting === null) return;
    if (line === waiting.command) return; // echo, before ATE0 takes effect
    const final = FINAL.exec(line);
    if (final === null) {
      waiting.lines.push(line);
      return;
    }
    if (line === 'OK') {
      waiting.done(waiting.lines);
      return;
    }
    const detail = final[1] ?? final[2];
    const kind = final[1] !== undefined ? 'CME' : final[2] !== undefined ? 'CMS' : 'ERROR';
    const code = detail !== undefined && /^\d+$/.test(detail.trim()) ? Number(detail) : null;
    waiting.fail(new AtFinalError(waiting.command, kind, code));
  }
}
