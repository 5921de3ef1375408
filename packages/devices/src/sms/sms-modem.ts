/**
 * An SMS modem (短信猫: a GSM/4G module on a serial or USB-serial port) driven by the AT commands of 3GPP TS 27.005
 * and TS 27.007. It sends in PDU mode, or in text mode with UCS-2 where a modem's PDU mode is unreliable, and turns
 * the network's status reports into `deliveryReport` events.
 */
import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import { openSerialPort } from '../serial/serial-port';
import { AtFinalError, AtSession, type AtPort } from './at-session';
import {
  SmsCommandError,
  SmsNoSimError,
  SmsNotRegisteredError,
  SmsPortGoneError,
  SmsSendFailedError,
  SmsSimLockedError,
} from './sms-errors';
import { normalisePhoneNumber } from './sms-address';
import { decodeStatusReport, type StatusReport } from './sms-status-report';
import { encodeSubmit, splitSms, splitSmscAddress, type SmsEncoding } from './sms-pdu';
import { parseTextStatusReport, textModeMessage } from './sms-text-mode';

export type { AtPort };

export interface SmsModemOptions {
  /** Device path, e.g. /dev/ttyUSB2 (USB modems expose several ports; the AT one is in the modem's manual). */
  path: string;
  /** 115200 unless told: what USB modems and most 短信猫 ship with. */
  baudRate?: number;
  /** How long an ordinary command may take. */
  timeoutMs?: number;
  /** How long the network may take to accept one part after it is typed in (TS 27.005 sets no limit). */
  sendTimeoutMs?: number;
  /** 'pdu' unless told; 'text' is the fallback for modems whose PDU mode misbehaves. */
  mode?: 'pdu' | 'text';
  /** How long the service centre keeps trying an unreachable phone. One day unless told. */
  validityMinutes?: number;
}

export interface SmsMessage {
  to: string;
  text: string;
  /** Ask the network for a status report per part, arriving as `deliveryReport` events. */
  deliveryReport?: boolean;
}

export interface SmsSent {
  /** TP-MR of each part as the modem returned it in +CMGS; status reports name these. */
  references: number[];
  encoding: SmsEncoding;
}

export interface SignalQuality {
  /** +CSQ <rssi> (TS 27.007 clause 8.5): 0–31, null when the modem does not know (99). */
  rssi: number | null;
  /** -113 dBm at 0, 2 dB a step, -51 dBm at 31. */
  dbm: number | null;
  /** A phone-style figure for the manager's screen: 0 (none) to 4. */
  bars: 0 | 1 | 2 | 3 | 4;
}

export type RegistrationState = 'home' | 'roaming' | 'searching' | 'denied' | 'not-registered' | 'unknown';

export interface Registration {
  /** The better of the circuit-switched (+CREG) and the LTE (+CEREG) registration. */
  state: RegistrationState;
  registered: boolean;
}

export interface SmsModemEvents {
  deliveryReport: [StatusReport];
  /** A +CDS that could not be read: the report for some part is lost, so the sender should not wait for it forever. */
  unreadableReport: [RangeError];
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_SEND_TIMEOUT_MS = 60_000;
const DEFAULT_VALIDITY_MINUTES = 24 * 60;

// TS 27.007 clause 7.2 <stat>; 5 is "registered, roaming". Values past 5 (SMS-only, emergency) count by their kin.
const REGISTRATION_STATES: Record<number, RegistrationState> = {
  0: 'not-registered',
  1: 'home',
  2: 'searching',
  3: 'denied',
  4: 'unknown',
  5: 'roaming',
  6: 'home',
  7: 'roaming',
};
const PREFERENCE: RegistrationState[] = ['home', 'roaming', 'denied', 'searching', 'not-registered', 'unknown'];

function bars(rssi: number | null): SignalQuality['bars'] {
  if (rssi === null || rssi < 2) return 0;
  if (rssi < 10) return 1;
  if (rssi < 15) return 2;
  if (rssi < 20) return 3;
  return 4;
}

function validateMessage(message: SmsMessage): { to: string; text: string; deliveryReport: boolean } {
  if (typeof message !== 'object' || message === null) throw new RangeError('message must be an object');
  const to = normalisePhoneNumber(message.to, 'to');
  if (typeof message.text !== 'string' || message.text.length === 0) {
    throw new RangeError('text must be a non-empty string');
  }
  if (message.deliveryReport !== undefined && typeof message.deliveryReport !== 'boolean') {
    throw new RangeError('deliveryReport must be true or false');
  }
  return { to, text: message.text, deliveryReport: message.deliveryReport ?? false };
}

export class SmsModem extends EventEmitter<SmsModemEvents> {
  readonly path: string;
  private readonly session: AtSession;
  private readonly timeoutMs: number;
  private readonly sendTimeoutMs: number;
  private readonly mode: 'pdu' | 'text';
  private readonly validityMinutes: number;
  /** The concatenation reference of the next long text; starts anywhere so a restart does not reuse the last one. */
  private concatReference = randomInt(256);

  constructor(port: AtPort, options: Omit<SmsModemOptions, 'path' | 'baudRate'> = {}) {
    super();
    this.path = port.path;
    this.session = new AtSession(port, port.path);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    this.mode = options.mode ?? 'pdu';
    this.validityMinutes = options.validityMinutes ?? DEFAULT_VALIDITY_MINUTES;
    this.session.on('cdsPdu', ({ length, hex }) =>
      this.report(() => decodeStatusReport(splitSmscAddress(hex, length))),
    );
    this.session.on('cdsText', (fields) => this.report(() => parseTextStatusReport(fields, this.mode === 'text')));
  }

  /**
   * Echo off, numeric errors, the SIM checked, the message mode set and status reports routed straight to us
   * (AT+CNMI <ds>=1). +CSMS is left at service 0, so the modem acknowledges reports itself and no +CNMA is owed.
   */
  async init(): Promise<void> {
    await this.command('ATE0');
    await this.command('AT+CMEE=1');
    await this.checkSim();
    if (this.mode === 'pdu') await this.command('AT+CMGF=0');
    else {
      await this.command('AT+CMGF=1');
      await this.command('AT+CSCS="UCS2"');
    }
    // TS 27.005 clause 3.4.1: <mode> 2 buffers codes while the line is busy; <mt> 1 keeps incoming texts on the SIM.
    await this.command('AT+CNMI=2,1,0,1,0');
  }

  async signal(): Promise<SignalQuality> {
    const lines = await this.command('AT+CSQ');
    const m = lines.map((l) => /^\+CSQ:\s*(\d+)\s*,/.exec(l)).find((x) => x !== null);
    if (!m) throw new SmsCommandError('AT+CSQ', this.path, null);
    const raw = Number(m[1]);
    const rssi = raw >= 0 && raw <= 31 ? raw : null;
    return { rssi, dbm: rssi === null ? null : -113 + 2 * rssi, bars: bars(rssi) };
  }

  async registration(): Promise<Registration> {
    const states = [await this.registrationOf('AT+CREG?', 'CREG'), await this.registrationOf('AT+CEREG?', 'CEREG')];
    const state = PREFERENCE.find((s) => states.includes(s)) ?? 'unknown';
    return { state, registered: state === 'home' || state === 'roaming' };
  }

  /** Sends a text, split as needed; resolves the message reference of each part. */
  async send(message: SmsMessage): Promise<SmsSent> {
    const { to, text, deliveryReport } = validateMessage(message);
    const { state, registered } = await this.registration();
    if (!registered) {
      throw new SmsNotRegisteredError(`${this.path} has no network to send on (${state})`, this.path, state);
    }
    const concatReference = this.concatReference;
    this.concatReference = (this.concatReference + 1) % 256;
    const options = { to, text, statusReport: deliveryReport, concatReference, validityMinutes: this.validityMinutes };
    const references: number[] = [];
    if (this.mode === 'text') {
      const built = textModeMessage(options);
      await this.command(built.parameters);
      for (const part of built.parts) references.push(await this.sendPart(part.command, part.data, references));
      return { references, encoding: 'ucs2' };
    }
    for (const pdu of encodeSubmit(options)) {
      references.push(await this.sendPart(`AT+CMGS=${pdu.length}`, pdu.hex, references));
    }
    return { references, encoding: splitSms(text).encoding };
  }

  async close(): Promise<void> {
    await this.session.close();
  }

  private report(decode: () => StatusReport): void {
    let report: StatusReport;
    try {
      report = decode();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.emit('unreadableReport', err);
      return;
    }
    this.emit('deliveryReport', report);
  }

  private async sendPart(command: string, payload: string, sent: number[]): Promise<number> {
    let lines: string[];
    try {
      lines = await this.session.runWithPrompt(command, payload, this.timeoutMs, this.sendTimeoutMs);
    } catch (err) {
      if (!(err instanceof AtFinalError)) throw err;
      if (err.kind === 'CMS' && err.code === 310) throw this.noSim('SIM not inserted');
      if (err.kind === 'CMS' && err.code === 331) {
        throw new SmsNotRegisteredError(`${this.path} lost the network while sending`, this.path, 'not-registered');
      }
      throw new SmsSendFailedError(this.path, err.kind === 'CMS' ? err.code : null, [...sent]);
    }
    const m = lines.map((l) => /^\+CMGS:\s*(\d+)/.exec(l)).find((x) => x !== null);
    if (!m) throw new SmsSendFailedError(this.path, null, [...sent]);
    return Number(m[1]);
  }

  private async checkSim(): Promise<void> {
    let lines: string[];
    try {
      lines = await this.session.run('AT+CPIN?', this.timeoutMs);
    } catch (err) {
      // TS 27.007 clause 9.2.1: 10 SIM not inserted, 13 SIM failure (a card the modem cannot read).
      if (err instanceof AtFinalError && err.kind === 'CME' && (err.code === 10 || err.code === 13)) {
        throw this.noSim(err.code === 10 ? 'SIM not inserted' : 'SIM failure');
      }
      throw this.commandError(err, 'AT+CPIN?');
    }
    const code = lines.map((l) => /^\+CPIN:\s*(.+)$/.exec(l)?.[1]?.trim()).find((x) => x !== undefined);
    if (code === 'READY') return;
    if (code === undefined) throw new SmsCommandError('AT+CPIN?', this.path, null);
    throw new SmsSimLockedError(
      `${this.path}: the SIM wants ${code}; enter it once in a phone or turn the PIN off`,
      this.path,
      code,
    );
  }

  private noSim(reason: string): SmsNoSimError {
    return new SmsNoSimError(`${this.path} has no usable SIM (${reason})`, this.path);
  }

  private async registrationOf(command: string, prefix: string): Promise<RegistrationState | null> {
    let lines: string[];
    try {
      lines = await this.session.run(command, this.timeoutMs);
    } catch (err) {
      // A 2G-only modem does not know +CEREG.
      if (err instanceof AtFinalError && command === 'AT+CEREG?') return null;
      throw this.commandError(err, command);
    }
    const m = lines.map((l) => new RegExp(`^\\+${prefix}:\\s*\\d+\\s*,\\s*(\\d+)`).exec(l)).find((x) => x !== null);
    return m ? (REGISTRATION_STATES[Number(m[1])] ?? 'unknown') : null;
  }

  private async command(command: string): Promise<string[]> {
    try {
      return await this.session.run(command, this.timeoutMs);
    } catch (err) {
      throw this.commandError(err, command);
    }
  }

  private commandError(err: unknown, command: string): unknown {
    return err instanceof AtFinalError ? new SmsCommandError(command, this.path, err.code) : err;
  }
}

/** A modem on a port that is already open; the modem owns it from now on and closes it. Call `init()` next. */
export function smsModemOn(port: AtPort, options: Omit<SmsModemOptions, 'path' | 'baudRate'> = {}): SmsModem {
  return new SmsModem(port, options);
}

/** Opens the modem's serial port and initialises the modem; closes the port again if that fails. */
export async function openSmsModem(options: SmsModemOptions): Promise<SmsModem> {
  const { path } = options;
  const port = await openSerialPort(
    path,
    options.baudRate ?? 115200,
    (cause) => new SmsPortGoneError(`cannot open ${path}: ${cause.message}`, path, { cause }),
  );
  const modem = smsModemOn(port, options);
  try {
    await modem.init();
  } catch (err) {
    await modem.close();
    throw err;
  }
  return modem;
}
