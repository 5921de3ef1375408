import { describe, expect, it, vi } from 'vitest';
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
};
const KIOSK = 'http://10.0.0.2:8080/kiosk/';

const job: TicketPrintJob = {
  hallName: '政务服务中心',
  windowTypeName: '个人综窗',
  number: 'A001',
  peopleAhead: 0,
  estimatedWaitMinutes: 5,
  windows: [1],
  issuedAt: '2026-11-23T01:02:03.000Z',
  timeZone: 'Asia/Shanghai',
  statusUrl: 'http://10.0.0.2:8080/t/0123456789abcdef0123456789abcdef',
  materials: [],
};

function handlers() {
  const printService = {
    printerStatus: vi.fn(async () => 'ready' as const),
    printTicket: vi.fn(async () => ({ ok: true }) as const),
  };
  return {
    printService,
    bridge: createBridgeHandlers({ settings, printService, idCardReader: createIdCardReader('none') }),
  };
}

describe('createBridgeHandlers', () => {
  it('gives the kiosk page its identity and says no card reader is fitted', async () => {
    expect(await handlers().bridge.info(KIOSK, undefined)).toEqual({
      kioskId: 'kiosk-1',
      deviceKey: 'demo-kiosk',
      hasIdCardReader: false,
    });
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
    expect(await bridge.readIdCard(KIOSK, 10_000)).toBeNull();
    await expect(bridge.readIdCard(KIOSK, 'forever')).rejects.toThrow(/timeoutMs/);
  });
});
