import { ApiError, NetworkError } from '@hallq/shared/client';
import type { CompartmentView, DepositResponse, LockerView } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import {
  compartment,
  demoLockers,
  PICKUP_SESSION,
  settle,
  snapshot,
  testCounter,
  windowState,
} from '../../test-services';
import { alerts } from '../feed/selectors';
import { depositStatus } from './selectors';
import type { DepositDraft } from './state';

/** Window 20's snapshot as a staff connection gets it: the lockers in it, every compartment free unless `changed`. */
const pickupSnapshot = (...changed: CompartmentView[]) =>
  snapshot({ windows: [windowState({ number: 20, clerk: 'c20' })], lockers: lockerWith(...changed) });

/** 黄丽 (c20) logged in and online at window 20, 综合出件. */
function pickupPanel() {
  const panel = testCounter({ session: PICKUP_SESSION });
  panel.online(pickupSnapshot());
  return panel;
}

const FORM: Partial<DepositDraft> = {
  caseNumber: ' CJ-2026-0001 ',
  description: '营业执照',
  applicantName: '欧阳娜娜',
  phone: '138 1234 5678',
  size: 'M',
};

/** The form open, the lockers loaded, and the fields filled in. */
async function filledForm(panel = pickupPanel()) {
  panel.state().openDeposit();
  await settle();
  panel.state().editDeposit(FORM);
  return panel;
}

const answer = (c: CompartmentView = compartment('A03')): DepositResponse => ({ compartment: c, commandId: 'cmd-1' });
const event = (c: CompartmentView) => ({ type: 'locker.compartment' as const, compartment: c });
const lockerWith = (...changed: CompartmentView[]): LockerView[] =>
  demoLockers().map((l) => ({
    ...l,
    compartments: l.compartments.map((c) => changed.find((x) => x.number === c.number) ?? c),
  }));

describe('depositing into the self-service locker', () => {
  it('is not offered at a window that does not hand out results', async () => {
    const panel = testCounter();
    panel.online();
    panel.state().openDeposit();
    await settle();
    expect(panel.state().depositOpen).toBe(false);
    expect(panel.api.lockers).not.toHaveBeenCalled();
  });

  it('opens at the pickup window with the lockers loaded and the only locker chosen', async () => {
    const panel = pickupPanel();
    panel.state().openDeposit();
    expect(panel.state()).toMatchObject({ depositOpen: true, lockersStatus: 'loading' });
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledWith({ token: 'token-c20' });
    expect(panel.state()).toMatchObject({ lockersStatus: 'loaded', depositDraft: { locker: 'locker-1' } });
  });

  it('picks the locker in the window’s own zone when the hall has several', async () => {
    const panel = pickupPanel();
    const [near] = demoLockers();
    const far = { ...near!, id: 'locker-0', name: '二楼自助取件柜', zone: '二楼' };
    panel.api.lockers.mockResolvedValueOnce({ lockers: [far, near!] });
    panel.state().openDeposit();
    await settle();
    expect(panel.state().depositDraft.locker).toBe('locker-1');
  });

  it('sends the name masked and the phone as digits: the full name never leaves the page', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    expect(panel.api.deposit).toHaveBeenCalledWith({
      params: { locker: 'locker-1' },
      body: {
        requestId: 'request-1',
        caseNumber: 'CJ-2026-0001',
        description: '营业执照',
        applicantName: '欧***',
        phone: '13812345678',
        size: 'M',
      },
      token: 'token-c20',
    });
    expect(JSON.stringify(panel.api.deposit.mock.calls)).not.toContain('欧阳娜娜');
  });

  it('names every missing or wrong field and sends nothing', async () => {
    const panel = pickupPanel();
    panel.state().openDeposit();
    await settle();
    panel.state().editDeposit({ phone: '2381234567' });
    await panel.state().submitDeposit();
    expect(panel.api.deposit).not.toHaveBeenCalled();
    expect(panel.state().depositProblems).toEqual({
      caseNumber: '请填写办件编号',
      description: '请填写材料或证照名称',
      applicantName: '请填写申请人姓名',
      phone: '手机号码应为 1 开头的 11 位数字',
      size: '请选择格口大小',
    });
    panel.state().editDeposit({ phone: '13812345678' });
    expect(panel.state().depositProblems.phone).toBeUndefined(); // fixing a field clears its complaint
  });

  it('sends one request at a time', async () => {
    const panel = await filledForm();
    let reply!: (r: DepositResponse) => void;
    panel.api.deposit.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    void panel.state().submitDeposit();
    void panel.state().submitDeposit();
    expect(panel.api.deposit).toHaveBeenCalledTimes(1);
    expect(panel.state().depositSending).toBe(true);
    panel.state().closeDeposit();
    expect(panel.state().depositOpen).toBe(true); // not closed under a request in flight
    reply(answer());
    await settle();
    expect(panel.state().depositSending).toBe(false);
  });

  it('follows the compartment from the live feed until the item is in', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    expect(depositStatus(panel.state())).toMatchObject({
      state: 'opening',
      compartment: 'A03',
      message: '正在打开 A03 号格口…',
    });
    panel.stream(event(compartment('A04', { state: 'awaiting_close' }))); // another clerk's deposit
    expect(depositStatus(panel.state())?.state).toBe('opening');
    panel.stream(event(compartment('A03', { state: 'awaiting_close' })));
    expect(depositStatus(panel.state())?.message).toBe('A03 号格口已打开，请放入材料并关好柜门');
    panel.stream(event(compartment('A03', { state: 'occupied', command: null })));
    expect(depositStatus(panel.state())).toMatchObject({
      state: 'occupied',
      message: '已存入 A03 号格口，取件码已发送至 138****5678',
      settled: true,
    });
    // The applicant is quick: the compartment moves on, the clerk's confirmation stays.
    panel.stream(event(compartment('A03', { state: 'opening_for_pickup' })));
    expect(depositStatus(panel.state())?.state).toBe('occupied');
  });

  it('keeps the later state when the feed outruns the answer', async () => {
    const panel = await filledForm();
    let reply!: (r: DepositResponse) => void;
    panel.api.deposit.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    void panel.state().submitDeposit();
    panel.stream(event(compartment('A03', { state: 'awaiting_close' })));
    reply(answer(compartment('A03', { state: 'opening' })));
    await settle();
    expect(depositStatus(panel.state())?.state).toBe('awaiting_close');
  });

  it('resends the same requestId after a network error, and a new one once the form changes', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(new NetworkError('timeout'));
    await panel.state().submitDeposit();
    expect(panel.state().depositError?.message).toContain('网络中断，请重试');
    expect(panel.state().depositDraft).toMatchObject(FORM); // the form is kept as it was
    panel.api.deposit.mockRejectedValueOnce(new NetworkError('timeout'));
    await panel.state().submitDeposit();
    panel.state().editDeposit({ size: 'L' });
    panel.api.deposit.mockResolvedValueOnce(answer(compartment('A05')));
    await panel.state().submitDeposit();
    const ids = panel.api.deposit.mock.calls.map(([input]) => input.body.requestId);
    expect(ids).toEqual(['request-1', 'request-1', 'request-2']);
  });

  it('asks where a resent deposit’s compartment has got to, since the server answers it as it first did', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(new NetworkError('timeout'));
    await panel.state().submitDeposit();
    // The first request did get through: the door opened while the network was down.
    panel.api.lockers.mockResolvedValueOnce({ lockers: lockerWith(compartment('A03', { state: 'awaiting_close' })) });
    panel.api.deposit.mockResolvedValueOnce(answer(compartment('A03', { state: 'opening' })));
    await panel.state().submitDeposit();
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledTimes(2);
    expect(depositStatus(panel.state())?.state).toBe('awaiting_close');
  });

  it('continues with an empty form for the next item and a new requestId', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    panel.stream(event(compartment('A03', { state: 'occupied', command: null })));
    panel.state().depositAnother();
    expect(panel.state()).toMatchObject({
      deposited: null,
      depositDraft: { locker: 'locker-1', caseNumber: '', applicantName: '', phone: '', size: null },
    });
    panel.state().editDeposit({ ...FORM, caseNumber: 'CJ-2026-0002' });
    panel.api.deposit.mockResolvedValueOnce(
      answer(compartment('A04', { item: { ...compartment('A04').item!, id: 'item-2' } })),
    );
    await panel.state().submitDeposit();
    expect(panel.api.deposit.mock.calls[1]![0].body.requestId).toBe('request-2');
  });

  it('offers another compartment after a door that failed to open, with the same form and a new requestId', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    const fault = {
      reason: 'open_failed' as const,
      detail: 'no answer',
      during: 'deposit' as const,
      commandId: 'cmd-1',
      at: '2026-11-20T02:00:05.000Z',
    };
    panel.stream(event(compartment('A03', { state: 'faulty', command: null, fault })));
    expect(depositStatus(panel.state())).toMatchObject({
      state: 'faulty',
      message: 'A03 号格口柜门未能打开，该格口已停用，材料仍在您手中，请换一个格口重试',
    });
    panel.api.deposit.mockResolvedValueOnce(
      answer(compartment('A04', { item: { ...compartment('A04').item!, id: 'item-2' } })),
    );
    await panel.state().retryDeposit();
    expect(panel.api.deposit.mock.calls[1]![0].body).toEqual({
      ...panel.api.deposit.mock.calls[0]![0].body,
      requestId: 'request-2',
    });
    expect(depositStatus(panel.state())).toMatchObject({ state: 'opening', compartment: 'A04' });
  });

  it('shows a field the server refused next to that field', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(
      new ApiError(400, 'validation_failed', 'invalid request', {
        fields: [{ path: 'phone', message: 'must be an 11-digit mobile number' }],
      }),
    );
    await panel.state().submitDeposit();
    expect(panel.state().depositProblems).toEqual({ phone: '手机号码不符合要求：must be an 11-digit mobile number' });
    expect(panel.state().depositError).toBeNull();
  });

  it('says which sizes are full when the locker has no room, and reloads the counts', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(
      new ApiError(409, 'no_free_compartment', 'no free compartment of size M, L in locker "locker-1"'),
    );
    await panel.state().submitDeposit();
    expect(panel.state().depositError?.message).toBe('一楼自助取件柜没有空闲的 M 号及以上格口');
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledTimes(2);
  });

  it('explains a refusal to a clerk who is not at a pickup window', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(
      new ApiError(403, 'forbidden', 'only a clerk logged in at a pickup window'),
    );
    await panel.state().submitDeposit();
    expect(panel.state().depositError).toMatchObject({
      message: '只有综合出件窗口的工作人员可以存件',
      detail: 'only a clerk logged in at a pickup window',
    });
  });

  it('polls the lockers every 2 s while the feed is down and the door is on its way, and stops once it is in', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    panel.advance(2000);
    expect(panel.api.lockers).toHaveBeenCalledTimes(1); // the feed is up: its events say it all
    panel.realtime.handlers!.connection('disconnected');
    panel.api.lockers.mockResolvedValueOnce({ lockers: lockerWith(compartment('A03', { state: 'awaiting_close' })) });
    panel.advance(1000); // the first tick offline asks at once: the last answer is already 3 s old
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledTimes(2);
    expect(depositStatus(panel.state())?.state).toBe('awaiting_close');
    panel.advance(1000);
    expect(panel.api.lockers).toHaveBeenCalledTimes(2);
    panel.api.lockers.mockResolvedValueOnce({
      lockers: lockerWith(compartment('A03', { state: 'occupied', command: null })),
    });
    panel.advance(1000);
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledTimes(3);
    expect(depositStatus(panel.state())?.state).toBe('occupied');
    panel.advance(2000);
    panel.advance(2000);
    expect(panel.api.lockers).toHaveBeenCalledTimes(3);
  });

  it('takes what happened offline from the snapshot when the feed comes back while the form is open', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockResolvedValueOnce(answer());
    await panel.state().submitDeposit();
    panel.realtime.handlers!.connection('disconnected');
    panel.online(pickupSnapshot(compartment('A03', { state: 'occupied', command: null }), compartment('B01')));
    await settle();
    expect(panel.api.lockers).toHaveBeenCalledTimes(1); // when the form opened, never again
    expect(depositStatus(panel.state())?.state).toBe('occupied');
    expect(panel.state().lockers[0]!.compartments.find((c) => c.number === 'B01')?.state).toBe('opening');
  });

  it('says so when the lockers cannot be read, and reads them again on request', async () => {
    const panel = pickupPanel();
    panel.api.lockers.mockRejectedValueOnce(new NetworkError('timeout'));
    panel.state().openDeposit();
    await settle();
    expect(panel.state()).toMatchObject({
      lockersStatus: 'failed',
      lockersError: { message: expect.stringContaining('网络异常') },
    });
    await panel.state().loadLockers();
    expect(panel.state()).toMatchObject({ lockersStatus: 'loaded', lockersError: null });
  });

  it('forgets what was typed when the form closes', async () => {
    const panel = await filledForm();
    panel.state().closeDeposit();
    expect(panel.state()).toMatchObject({ depositOpen: false, depositDraft: { applicantName: '', phone: '' } });
  });

  it('keeps the desk’s forms and the deposit form apart', async () => {
    const panel = await filledForm();
    panel.state().press('pause');
    expect(panel.state().dialog).toBeNull();
  });

  it('returns to the login form when the token is no longer accepted', async () => {
    const panel = await filledForm();
    panel.api.deposit.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'unknown or expired token'));
    await panel.state().submitDeposit();
    expect(panel.state()).toMatchObject({ session: null, depositOpen: false, depositDraft: { applicantName: '' } });
  });
});

describe('the pickup window’s locker alerts', () => {
  const fault = {
    reason: 'open_failed' as const,
    detail: 'board 1: lock 3 still closed',
    during: 'pickup' as const,
    commandId: 'cmd-9',
    at: '2026-11-20T02:00:00.000Z',
  };

  it('raises a fault from the stream the moment a door fails, until it is cleared, asking the server nothing', () => {
    const panel = pickupPanel();
    expect(alerts(panel.state()).lockerFaults).toEqual([]);
    // The applicant's door was on its way, then failed: a fault can follow any state.
    panel.stream(event(compartment('A03', { state: 'opening_for_pickup' })));
    panel.stream(event(compartment('A03', { state: 'faulty', fault })));
    expect(alerts(panel.state()).lockerFaults.map((f) => [f.locker.name, f.compartment.number])).toEqual([
      [demoLockers()[0]!.name, 'A03'],
    ]);
    panel.stream(event(compartment('A03', { state: 'free', item: null, command: null, fault: null })));
    expect(alerts(panel.state()).lockerFaults).toEqual([]);
    expect(panel.api.lockers).not.toHaveBeenCalled();
  });

  it('takes what happened offline from the reconnection’s snapshot', () => {
    const panel = pickupPanel();
    panel.realtime.handlers!.connection('disconnected');
    panel.online(pickupSnapshot(compartment('B02', { state: 'faulty', fault })));
    expect(alerts(panel.state()).lockerFaults.map((f) => f.compartment.number)).toEqual(['B02']);
    expect(panel.api.lockers).not.toHaveBeenCalled();
  });

  it('raises them once the hall is known, when the feed came first', async () => {
    const panel = testCounter({ session: PICKUP_SESSION });
    panel.store.setState({ hall: null, hallStatus: 'loading' });
    panel.online(pickupSnapshot(compartment('A03', { state: 'faulty', fault })));
    expect(alerts(panel.state()).lockerFaults).toEqual([]);
    await panel.state().loadHall();
    expect(alerts(panel.state()).lockerFaults.map((f) => f.compartment.number)).toEqual(['A03']);
  });

  it('are not raised at a window that hands out no results', () => {
    const panel = testCounter();
    panel.online(snapshot({ lockers: lockerWith(compartment('A03', { state: 'faulty', fault })) }));
    expect(alerts(panel.state()).lockerFaults).toEqual([]);
  });
});
