import { describe, expect, it, vi } from 'vitest';
import type { LockerService } from '@hallq/devices';
import type { TicketPrintJob } from '../bridge/kiosk-bridge';
import { createBridgeHandlers } from './bridge-handlers';
import { createIdCardReader } from './id-card-reader';
import { BridgeInputError } from './ipc-validation';
import type { KioskSettings } from './settings';

const settings: KioskSettings = {
  serverUrl: 'http://10.0.0.2:8080',
  kioskId: 'kiosk-1',
  deviceKey: 'demo-kiosk',
  printer: '',
  paperWidth: 80,
  idCardReader: 'none',
  pinchZoom: true,
};
const KIOSK = 'http://10.0.0.2:8080/kiosk/';

const job: TicketPrintJob = {
  hallName: '政务服务中心',
  windowTypeName: '个人综窗',
  serviceItemName: null,
  number: 'A001',
  peopleAhead: 0,
  estimatedWaitMinutes: 5,
  windows: [1],
  issuedAt: '2026-11-23T01:02:03.000Z',
  timeZone: 'Asia/Shanghai',
  statusUrl: 'http://10.0.0.2:8080/t/0123456789abcdef0123456789abcdef',
  materials: [],
};

function handlers(options: { locker?: boolean } = {}) {
  const printService = {
    printerStatus: vi.fn(async () => 'ready' as const),
    printTicket: vi.fn(async () => ({ ok: true }) as const),
  };
  const locker = {
    collect: vi.fn(async () => ({ result: 'opening', compartment: 'A03', commandId: 'cmd-00001' }) as const),
    doorStage: vi.fn(async () => 'open' as const),
    stop: vi.fn(async () => undefined),
  } satisfies LockerService;
  return {
    printService,
    locker,
    bridge: createBridgeHandlers({
      settings,
      printService,
      idCardReader: createIdCardReader(settings),
      locker: options.locker ? locker : null,
    }),
  };
}

describe('createBridgeHandlers', () => {
  it('gives the kiosk page its identity and says no card reader is fitted', async () => {
    expect(await handlers().bridge.info(KIOSK, undefined)).toEqual({
      kioskId: 'kiosk-1',
      deviceKey: 'demo-kiosk',
      hasIdCardReader: false,
      hasLocker: false,
    });
    expect(await handlers({ locker: true }).bridge.info(KIOSK, undefined)).toMatchObject({ hasLocker: true });
  });

  it('prints a valid job', async () => {
    const { bridge, printService } = handlers();
    expect(await bridge.printTicket(KIOSK, job)).toEqual({ ok: true });
    expect(printService.printTicket).toHaveBeenCalledWith(job);
  });

  it('never hands an invalid job to the printer', async () => {
    const { bridge, printService } = handlers();
    await expect(bridge.printTicket(KIOSK, { ...job, number: 'DROP TABLE' })).rejects.toThrow(BridgeInputError);
    expect(printService.printTicket).not.toHaveBeenCalled();
  });

  it('refuses any page but the kiosk, keeping the device key from it', async () => {
    const { bridge, printService } = handlers();
    await expect(bridge.info('http://10.0.0.2:8080/manager/', undefined)).rejects.toThrow(/not a kiosk page/);
    await expect(bridge.info(undefined, undefined)).rejects.toThrow(/not a kiosk page/);
    await expect(bridge.printerStatus('https://evil.example/kiosk/', undefined)).rejects.toThrow(BridgeInputError);
    expect(printService.printerStatus).not.toHaveBeenCalled();
  });

  it('reads no card when none is fitted, after checking the wait', async () => {
    const { bridge } = handlers();
    expect(await bridge.readIdCard(KIOSK, 10_000)).toEqual({ ok: false, reason: 'not_fitted' });
    await expect(bridge.readIdCard(KIOSK, 'forever')).rejects.toThrow(/timeoutMs/);
  });

  it('sends a six-digit pickup code to the locker, and nothing else', async () => {
    const { bridge, locker } = handlers({ locker: true });
    expect(await bridge.collectPickup(KIOSK, '012345')).toMatchObject({ result: 'opening', compartment: 'A03' });
    expect(locker.collect).toHaveBeenCalledWith('012345');
    await expect(bridge.collectPickup(KIOSK, '12345')).rejects.toThrow(/code: must be the 6-digit pickup code/);
    await expect(bridge.collectPickup(KIOSK, 123456)).rejects.toThrow(BridgeInputError);
    await expect(bridge.collectPickup('http://10.0.0.2:8080/manager/', '123456')).rejects.toThrow(/not a kiosk page/);
    expect(locker.collect).toHaveBeenCalledTimes(1);
  });

  it('follows a door only with a command id, a known stage and a bounded wait', async () => {
    const { bridge, locker } = handlers({ locker: true });
    expect(await bridge.doorStage(KIOSK, { commandId: 'cmd-00001', after: 'pending', waitMs: 5000 })).toBe('open');
    expect(locker.doorStage).toHaveBeenCalledWith('cmd-00001', 'pending', 5000);
    await expect(bridge.doorStage(KIOSK, { commandId: 'cmd-00001', after: 'ajar', waitMs: 5000 })).rejects.toThrow(
      /after: must be pending, open, closed or failed/,
    );
    await expect(bridge.doorStage(KIOSK, { commandId: 'cmd-00001', after: 'open', waitMs: 3_600_000 })).rejects.toThrow(
      /waitMs/,
    );
    await expect(bridge.doorStage(KIOSK, { commandId: '../x', after: 'open', waitMs: 0 })).rejects.toThrow(/commandId/);
  });

  it('refuses pickups on a kiosk not wired to a locker', async () => {
    await expect(handlers().bridge.collectPickup(KIOSK, '123456')).rejects.toThrow(/not wired to a pickup locker/);
  });
});
