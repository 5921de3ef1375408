import { describe, expect, it } from 'vitest';
import type { DoorStage } from '../../../../bridge/kiosk-bridge';
import { testKiosk } from '../../test-services';
import { DOOR_OPEN_GIVE_UP_MS, PICKUP_DONE_MS } from './actions';
import { pickupWindows } from './selectors';

/** A door the test moves by hand: each doorStage call waits for the next stage given. */
function handDoor(kiosk: ReturnType<typeof testKiosk>) {
  const waiting: ((stage: DoorStage) => void)[] = [];
  kiosk.bridge!.doorStage.mockImplementation(() => new Promise((resolve) => waiting.push(resolve)));
  return {
    async move(stage: DoorStage) {
      await waitFor(() => waiting.length > 0);
      waiting.shift()!(stage);
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

async function waitFor(predicate: () => boolean) {
  for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!predicate()) throw new Error('timed out');
}

function typeCode(kiosk: ReturnType<typeof testKiosk>, code: string) {
  kiosk.state().openPickup();
  for (const d of code) kiosk.state().pressPickupDigit(d);
}

describe('自助取件 at the locker kiosk', () => {
  it('sends the six digits typed, follows the door open and closed, then goes home by itself', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'opening', compartment: 'A03', commandId: 'cmd-1' });
    const door = handDoor(kiosk);
    typeCode(kiosk, '0123456');
    expect(kiosk.state().pickupCode).toBe('012345');

    const done = kiosk.state().submitPickupCode();
    await waitFor(() => kiosk.state().screen.name === 'pickup-door');
    expect(kiosk.bridge!.collectPickup).toHaveBeenCalledWith('012345');
    expect(kiosk.state().screen).toEqual({ name: 'pickup-door', compartment: 'A03', stage: 'pending' });
    expect(kiosk.state().pickupCode).toBe('');

    await door.move('open');
    expect(kiosk.state().screen).toEqual({ name: 'pickup-door', compartment: 'A03', stage: 'open' });
    expect(kiosk.bridge!.doorStage).toHaveBeenLastCalledWith('cmd-1', 'open', expect.any(Number));
    // The applicant takes their time: no idle reset while the door is open.
    kiosk.advance(5 * 60_000);
    expect(kiosk.state().screen.name).toBe('pickup-door');

    await door.move('closed');
    await done;
    expect(kiosk.state().screen).toEqual({ name: 'pickup-done', compartment: 'A03' });
    kiosk.advance(PICKUP_DONE_MS);
    expect(kiosk.state().screen.name).toBe('home');
  });

  it('sends the applicant to the pickup window when the door does not open', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'opening', compartment: 'B02', commandId: 'cmd-2' });
    kiosk.bridge!.doorStage.mockResolvedValue('failed');
    typeCode(kiosk, '111111');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({ name: 'pickup-staff', reason: 'door_failed', compartment: 'B02' });
  });

  it('gives up on a door that never opens', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'opening', compartment: 'A01', commandId: 'cmd-3' });
    kiosk.bridge!.doorStage.mockImplementation(async () => {
      kiosk.clock.now += DOOR_OPEN_GIVE_UP_MS / 2;
      return 'pending';
    });
    typeCode(kiosk, '222222');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toMatchObject({ name: 'pickup-staff', reason: 'door_failed' });
    expect(kiosk.bridge!.doorStage).toHaveBeenCalledTimes(2);
  });

  it('tells a wrong code with the tries left, and clears the keypad', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'wrong_code', attemptsLeft: 3 });
    typeCode(kiosk, '999999');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({ name: 'pickup', notice: { kind: 'wrong_code', attemptsLeft: 3 } });
    expect(kiosk.state().pickupCode).toBe('');
  });

  it('tells a used code apart from a wrong one', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({
      result: 'already_collected',
      collectedAt: '2025-05-06T03:00:00.000Z',
    });
    typeCode(kiosk, '123123');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({
      name: 'pickup',
      notice: { kind: 'already_collected', collectedAt: '2025-05-06T03:00:00.000Z' },
    });
  });

  it('shows the lockout until its end', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'locked_out', until: '2025-05-06T03:15:00.000Z' });
    typeCode(kiosk, '000000');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({ name: 'pickup-locked', until: '2025-05-06T03:15:00.000Z' });
  });

  it('keeps the code for another try when the server did not answer', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'offline' });
    typeCode(kiosk, '123456');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({ name: 'pickup', notice: { kind: 'offline' } });
    expect(kiosk.state().pickupCode).toBe('123456');
  });

  it('sends the applicant to staff when the locker is out of service or the bridge fails', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.collectPickup.mockResolvedValue({ result: 'out_of_service' });
    typeCode(kiosk, '123456');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toEqual({ name: 'pickup-staff', reason: 'out_of_service', compartment: null });
    kiosk.bridge!.collectPickup.mockRejectedValue(new Error('ipc gone'));
    typeCode(kiosk, '123456');
    await kiosk.state().submitPickupCode();
    expect(kiosk.state().screen).toMatchObject({ name: 'pickup-staff', reason: 'out_of_service' });
  });

  it('does nothing with fewer than six digits', async () => {
    const kiosk = testKiosk();
    typeCode(kiosk, '12345');
    await kiosk.state().submitPickupCode();
    expect(kiosk.bridge!.collectPickup).not.toHaveBeenCalled();
  });

  it('collects with a scanned code from the home screen, but not over a ticket being taken', async () => {
    const kiosk = testKiosk();
    await kiosk.state().collectScanned('654321');
    expect(kiosk.bridge!.collectPickup).toHaveBeenCalledWith('654321');
    kiosk.store.setState({ screen: { name: 'busy', task: 'issuing' } });
    await kiosk.state().collectScanned('654321');
    kiosk.state().scannedOther();
    expect(kiosk.bridge!.collectPickup).toHaveBeenCalledTimes(1);
    expect(kiosk.state().screen.name).toBe('busy');
    kiosk.store.setState({ screen: { name: 'home' } });
    kiosk.state().scannedOther();
    expect(kiosk.state().screen).toEqual({ name: 'pickup', notice: { kind: 'not_pickup_qr' } });
  });

  it("sends an applicant the locker cannot serve to the demo hall's pickup window 20", () => {
    expect(pickupWindows(testKiosk().state().hall)).toEqual([20]);
  });
});
