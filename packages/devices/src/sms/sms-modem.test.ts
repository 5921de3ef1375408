import { afterEach, describe, expect, it } from 'vitest';
import { openTestPort } from '../serial/test-mock-port';
import { hasSocat, ptyPair } from '../locker/pty-pair';
import {
  SmsCommandError,
  SmsModemTimeoutError,
  SmsNoSimError,
  SmsNotRegisteredError,
  SmsPortGoneError,
  SmsSendFailedError,
  SmsSimLockedError,
} from './sms-errors';
import { openSmsModem, smsModemOn, type SmsModem, type SmsModemOptions } from './sms-modem';
import { SmsModemSimulator, type SmsModemSimulatorOptions } from './sms-modem-simulator';
import type { StatusReport } from './sms-status-report';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CHINESE_150 = '您好，您在政务服务大厅办理的证件已经可以领取，请携带本人身份证和受理回执到三号窗口领取。'
  .repeat(4)
  .slice(0, 150);

const openPort = (path: string) => openTestPort(path, 115200, cleanups);

/** A socat pty pair with the simulated modem on one end and the driver (not yet initialised) on the other. */
async function modemLine(
  simulatorOptions: SmsModemSimulatorOptions = {},
  modemOptions: Omit<SmsModemOptions, 'path'> = {},
) {
  const pair = await ptyPair();
  cleanups.push(() => pair.close());
  const simulator = new SmsModemSimulator(simulatorOptions);
  const far = await openPort(pair.paths[1]);
  simulator.attach(far);
  cleanups.push(() => simulator.close());
  const modem = smsModemOn(await openPort(pair.paths[0]), { timeoutMs: 1000, ...modemOptions });
  cleanups.push(() => modem.close());
  const commands: string[] = [];
  simulator.on('command', (c) => commands.push(c));
  return { pair, far, simulator, modem, commands };
}

function nextReport(modem: SmsModem): Promise<StatusReport> {
  return new Promise((resolve) => modem.once('deliveryReport', resolve));
}

if (!hasSocat()) {
  describe('an SMS modem over a real pty pair', () => {
    it.skip('needs socat (apt install socat): the serial tests over a pty pair are skipped', () => {});
  });
}

describe.skipIf(!hasSocat())('an SMS modem over a real pty pair (socat)', () => {
  it('initialises with echo off, numeric errors, the SIM checked, PDU mode and status reports routed to it', async () => {
    const { modem, commands } = await modemLine();
    await modem.init();
    expect(commands).toEqual(['ATE0', 'AT+CMEE=1', 'AT+CPIN?', 'AT+CMGF=0', 'AT+CNMI=2,1,0,1,0']);
  });

  it('reads the signal as rssi, dBm and bars', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    expect(await modem.signal()).toEqual({ rssi: 20, dbm: -73, bars: 4 });
    simulator.rssi = 7;
    expect(await modem.signal()).toEqual({ rssi: 7, dbm: -99, bars: 1 });
    simulator.rssi = 99;
    expect(await modem.signal()).toEqual({ rssi: null, dbm: null, bars: 0 });
  });

  it('reads registration at home, roaming, searching and denied', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    const states = [];
    for (const registration of ['home', 'roaming', 'searching', 'denied'] as const) {
      simulator.registration = registration;
      states.push(await modem.registration());
    }
    expect(states).toEqual([
      { state: 'home', registered: true },
      { state: 'roaming', registered: true },
      { state: 'searching', registered: false },
      { state: 'denied', registered: false },
    ]);
  });

  it('sends 150 Chinese characters as three UCS-2 parts the phone puts back together', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    const sent = await modem.send({ to: '+8613800138000', text: CHINESE_150 });
    expect(sent.encoding).toBe('ucs2');
    expect(simulator.parts.map((p) => [p.text.length, p.concat?.sequence, p.concat?.total])).toEqual([
      [67, 1, 3],
      [67, 2, 3],
      [16, 3, 3],
    ]);
    expect(simulator.messages).toEqual([
      { recipient: '+8613800138000', text: CHINESE_150, references: sent.references },
    ]);
    expect(new Set(sent.references).size).toBe(3);
  });

  it('sends a text that fits the GSM alphabet in one 7-bit part', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    const sent = await modem.send({ to: '13800138000', text: 'Your ID card is ready at window 3. Ref: A-1024' });
    expect(sent).toEqual({ references: [simulator.parts[0]?.reference], encoding: 'gsm7' });
    expect(simulator.messages).toEqual([
      { recipient: '13800138000', text: 'Your ID card is ready at window 3. Ref: A-1024', references: sent.references },
    ]);
  });

  it('emits a delivery report for each part when the network reports it', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    const sent = await modem.send({ to: '+8613800138000', text: '取件通知', deliveryReport: true });
    const report = nextReport(modem);
    expect(simulator.deliver()).toBe(1);
    expect(await report).toMatchObject({
      messageReference: sent.references[0],
      recipient: '+8613800138000',
      state: 'delivered',
      statusCode: 0,
    });
  });

  it('emits a failed delivery report when the network gives up on the phone', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    const sent = await modem.send({ to: '+8613800138000', text: 'x', deliveryReport: true });
    const report = nextReport(modem);
    simulator.deliver({ reference: sent.references[0], statusCode: 0x46 });
    expect(await report).toMatchObject({ state: 'failed', statusCode: 0x46, meaning: 'validity period expired' });
  });

  it('reports delivery after the simulated network delay without being told', async () => {
    const { modem } = await modemLine({ deliveryDelayMs: 50 });
    await modem.init();
    const report = nextReport(modem);
    const sent = await modem.send({ to: '+8613800138000', text: 'hello', deliveryReport: true });
    expect((await report).messageReference).toBe(sent.references[0]);
  });

  it('tells of a status report it cannot read instead of dropping it silently', async () => {
    const { far, modem } = await modemLine();
    await modem.init();
    const unreadable = new Promise<RangeError>((resolve) => modem.once('unreadableReport', resolve));
    far.write('\r\n+CDS: 25\r\n0891683108100005F00600\r\n');
    expect((await unreadable).message).toMatch(/shorter than its length/);
  });

  it('fails init with SmsNoSimError when no SIM is in the modem', async () => {
    const { simulator, modem } = await modemLine();
    simulator.sim = 'absent';
    await expect(modem.init()).rejects.toBeInstanceOf(SmsNoSimError);
  });

  it('fails init with SmsSimLockedError naming the lock when the SIM wants its PIN', async () => {
    const { simulator, modem } = await modemLine();
    simulator.sim = 'pin';
    await expect(modem.init()).rejects.toMatchObject({ constructor: SmsSimLockedError, lock: 'SIM PIN' });
  });

  it('refuses to send with SmsNotRegisteredError while the modem has no network, sending nothing', async () => {
    const { simulator, modem, commands } = await modemLine();
    await modem.init();
    simulator.registration = 'searching';
    const error = await modem.send({ to: '+8613800138000', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsNotRegisteredError);
    expect((error as SmsNotRegisteredError).state).toBe('searching');
    expect(commands.filter((c) => c.startsWith('AT+CMGS'))).toEqual([]);
  });

  it('fails with SmsSendFailedError carrying +CMS ERROR 500 and its meaning', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    simulator.failNextSend(500);
    const error = await modem.send({ to: '+8613800138000', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendFailedError);
    expect(error).toMatchObject({ cmsCode: 500, meaning: 'unknown error', sentReferences: [] });
    expect((error as Error).message).not.toContain('8613800138000');
    expect(simulator.parts).toEqual([]);
    await modem.send({ to: '+8613800138000', text: 'again' });
    expect(simulator.messages.map((m) => m.text)).toEqual(['again']);
  });

  it('names the parts already out when a later part of a long text fails', async () => {
    const { simulator, modem } = await modemLine();
    await modem.init();
    simulator.on('part', () => simulator.failNextSend(42));
    const error = await modem.send({ to: '+8613800138000', text: CHINESE_150 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ cmsCode: 42, meaning: 'congestion' });
    expect((error as SmsSendFailedError).sentReferences).toEqual([simulator.parts[0]?.reference]);
  });

  it('waits for a slow modem within the timeout', async () => {
    const { modem } = await modemLine({ replyDelayMs: 100 });
    await modem.init();
    expect((await modem.registration()).registered).toBe(true);
  });

  it('fails with SmsModemTimeoutError when the modem goes silent, then carries on once it answers', async () => {
    const { simulator, modem } = await modemLine({}, { timeoutMs: 200 });
    await modem.init();
    simulator.silent = true;
    const error = await modem.signal().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsModemTimeoutError);
    expect((error as Error).message).toMatch(/did not answer AT\+CSQ within 200 ms/);
    simulator.silent = false;
    expect((await modem.signal()).bars).toBe(4);
  });

  it('leaves message entry when the prompt comes too late, and drops the late answers before the next text', async () => {
    const { simulator, modem } = await modemLine({}, { timeoutMs: 250 });
    await modem.init();
    // The "> " of the first AT+CMGS comes after the driver gave up, the OK of the cancelled entry behind it.
    let slowed = false;
    simulator.on('command', (command) => {
      if (!command.startsWith('AT+CMGS') || slowed) return;
      slowed = true;
      simulator.replyDelayMs = 300;
      // Only the prompt is late: what comes after it is answered at once.
      queueMicrotask(() => (simulator.replyDelayMs = 0));
    });
    await expect(modem.send({ to: '+8613800138000', text: 'first' })).rejects.toBeInstanceOf(SmsModemTimeoutError);
    // The late "> " and OK would otherwise pass for the answer to AT+CSQ.
    expect(await modem.signal()).toEqual({ rssi: 20, dbm: -73, bars: 4 });
    const sent = await modem.send({ to: '+8613800138000', text: 'second' });
    expect(simulator.messages).toEqual([{ recipient: '+8613800138000', text: 'second', references: sent.references }]);
  });

  it('sends commands issued at once one after the other, each answer going to its own command', async () => {
    const { simulator, modem } = await modemLine({ replyDelayMs: 30 });
    await modem.init();
    simulator.rssi = 12;
    const [signal, registration, again] = await Promise.all([modem.signal(), modem.registration(), modem.signal()]);
    expect([signal.rssi, registration.state, again.bars]).toEqual([12, 'home', 2]);
  });

  it('fails the command in flight and every later one with SmsPortGoneError when the port disappears', async () => {
    const { pair, simulator, modem } = await modemLine({}, { timeoutMs: 5000 });
    await modem.init();
    simulator.silent = true;
    const waiting = modem.signal().catch((e: unknown) => e);
    await new Promise<void>((resolve) => simulator.once('command', () => resolve()));
    await pair.close();
    expect(await waiting).toBeInstanceOf(SmsPortGoneError);
    await expect(modem.send({ to: '+8613800138000', text: 'x' })).rejects.toBeInstanceOf(SmsPortGoneError);
  });

  it('sends in text mode with UCS-2 as the fallback, long texts included, and reads text-mode reports', async () => {
    const { simulator, modem, commands } = await modemLine({}, { mode: 'text' });
    await modem.init();
    expect(commands).toContain('AT+CMGF=1');
    expect(commands).toContain('AT+CSCS="UCS2"');
    const sent = await modem.send({ to: '+8613800138000', text: CHINESE_150, deliveryReport: true });
    expect(sent.references).toHaveLength(3);
    expect(simulator.messages).toEqual([
      { recipient: '+8613800138000', text: CHINESE_150, references: sent.references },
    ]);
    const report = nextReport(modem);
    simulator.deliver({ reference: sent.references[1] });
    expect(await report).toMatchObject({
      messageReference: sent.references[1],
      recipient: '+8613800138000',
      state: 'delivered',
    });
  });

  it('refuses a recipient that is not a phone number before anything is sent', async () => {
    const { modem, commands } = await modemLine();
    await modem.init();
    const before = commands.length;
    await expect(modem.send({ to: 'call me', text: 'x' })).rejects.toThrow(/^to must be a phone number/);
    await expect(modem.send({ to: '+8613800138000', text: '' })).rejects.toThrow(/^text must be/);
    expect(commands).toHaveLength(before);
  });

  it('reports a command the modem refuses as SmsCommandError, echo and all', async () => {
    const pair = await ptyPair();
    cleanups.push(() => pair.close());
    const far = await openPort(pair.paths[1]);
    // A modem that never turns its echo off and does not know AT+CNMI.
    let input = '';
    far.on('data', (chunk: Buffer) => {
      input += chunk.toString('latin1');
      for (let end = input.indexOf('\r'); end >= 0; end = input.indexOf('\r')) {
        const command = input.slice(0, end).trim();
        input = input.slice(end + 1);
        const answer = command === 'AT+CPIN?' ? '\r\n+CPIN: READY\r\n\r\nOK\r\n' : '\r\nOK\r\n';
        far.write(`${command}\r${command.startsWith('AT+CNMI') ? '\r\n+CME ERROR: 4\r\n' : answer}`);
      }
    });
    const modem = smsModemOn(await openPort(pair.paths[0]), { timeoutMs: 1000 });
    cleanups.push(() => modem.close());
    const error = await modem.init().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsCommandError);
    expect(error).toMatchObject({ command: 'AT+CNMI=2,1,0,1,0', cmeCode: 4 });
  });
});

describe('an SMS modem', () => {
  it('fails with SmsPortGoneError when the device does not exist', async () => {
    await expect(openSmsModem({ path: '/dev/ttyHALLQ-missing-modem' })).rejects.toBeInstanceOf(SmsPortGoneError);
  });
});
