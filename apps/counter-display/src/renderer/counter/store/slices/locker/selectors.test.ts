import type { CompartmentView, LockerView } from '@hallq/shared/contracts';
import { DepositRequest } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { compartment, demoLockers, PICKUP_SESSION, snapshot, testCounter, windowState } from '../../test-services';
import {
  closeDeadlineMs,
  depositAvailability,
  depositFromDraft,
  depositStatus,
  freeCounts,
  sizeNote,
} from './selectors';
import { emptyDepositDraft } from './state';

const pickupPanel = () => testCounter({ session: PICKUP_SESSION });

/** locker-1 with the given compartments taken (opening, so not free). */
function taken(...numbers: string[]): LockerView {
  const locker = demoLockers()[0]!;
  return {
    ...locker,
    compartments: locker.compartments.map((c) => (numbers.includes(c.number) ? compartment(c.number) : c)),
  };
}

describe('where the deposit is offered', () => {
  it('only at a window serving a pickup (综合出件) type', () => {
    expect(depositAvailability(testCounter().state())).toBeNull();
    expect(depositAvailability(pickupPanel().state())).toEqual({ enabled: true, reason: null });
  });

  it('stays usable while the feed is down, since the request goes over HTTP', () => {
    const panel = pickupPanel();
    panel.realtime.handlers!.connection('disconnected');
    expect(depositAvailability(panel.state())?.enabled).toBe(true);
  });

  it('is off once the other post holds the window, as the server would refuse it', () => {
    const panel = pickupPanel();
    panel.online(snapshot({ windows: [windowState({ number: 20, clerk: 'c19', post: 'B' })] }));
    expect(depositAvailability(panel.state())).toEqual({ enabled: false, reason: '已由 c19 值守' });
  });
});

describe('the compartment sizes', () => {
  it('count the free compartments of each size', () => {
    expect(freeCounts(demoLockers()[0]!)).toEqual({ S: 3, M: 3, L: 2 });
    expect(freeCounts(taken('A01', 'A03'))).toEqual({ S: 2, M: 2, L: 2 });
  });

  it('say a full size will use a larger one, and when there is none left', () => {
    expect(sizeNote(taken('A01'), 'S')).toBeNull();
    expect(sizeNote(taken('A01', 'A02', 'B01'), 'S')).toBe('S 号格口已满，将改用更大的空闲格口');
    expect(sizeNote(taken('A03', 'A04', 'B02', 'A05', 'B03'), 'M')).toBe('没有空闲的 M 号及以上格口，暂时无法存入');
    expect(sizeNote(taken('A05', 'B03'), 'L')).toBe('没有空闲的 L 号格口，暂时无法存入');
  });
});

describe('the deposit request from the form', () => {
  const form = {
    ...emptyDepositDraft,
    locker: 'locker-1',
    caseNumber: 'CJ-1',
    description: '不动产权证书',
    phone: '13812345678',
    size: 'S' as const,
  };

  it('masks even a one-character name', () => {
    const checked = depositFromDraft({ ...form, applicantName: '张' });
    expect(checked.ok && checked.body.applicantName).toBe('张*');
  });

  it('sends a name the server’s deposit contract takes as masked, for names of every script and length', () => {
    for (const applicantName of [
      '张',
      '欧阳娜娜',
      '𠮷野家',
      'བཀྲ་ཤིས་རྡོ་རྗེ',
      'John Smith',
      'Maria Fernanda Rodríguez López',
    ]) {
      const checked = depositFromDraft({ ...form, applicantName });
      expect(checked.ok, applicantName).toBe(true);
      if (checked.ok) {
        expect(DepositRequest.safeParse({ requestId: 'deposit-1', ...checked.body }).success, applicantName).toBe(true);
      }
    }
  });

  it('asks for a real name when the typed one does not begin with a letter, instead of sending stars alone', () => {
    expect(depositFromDraft({ ...form, applicantName: '**' })).toEqual({
      ok: false,
      problems: { applicantName: '姓名应以文字开头，请填写申请人的真实姓名' },
    });
  });

  it('takes a phone number typed in groups', () => {
    const checked = depositFromDraft({ ...form, applicantName: '张三', phone: '138-1234-5678' });
    expect(checked.ok && checked.body.phone).toBe('13812345678');
  });

  it('refuses a phone number that is not 11 digits', () => {
    expect(depositFromDraft({ ...form, applicantName: '张三', phone: '1381234567' })).toEqual({
      ok: false,
      problems: { phone: '手机号码应为 1 开头的 11 位数字' },
    });
  });
});

describe('the deposit’s progress as the clerk reads it', () => {
  const following = (c: CompartmentView, lockers: LockerView[] = demoLockers()) => {
    const panel = pickupPanel();
    panel.store.setState({ lockers, deposited: { compartment: c, maskedPhone: '138****5678' } });
    return panel.state();
  };

  it('names the locker as well when the hall has several', () => {
    const second = { ...demoLockers()[0]!, id: 'locker-2', name: '二楼自助取件柜' };
    expect(depositStatus(following(compartment('A03'), [...demoLockers(), second]))?.message).toBe(
      '正在打开 一楼自助取件柜 A03 号格口…',
    );
  });

  it('says a door left open is out of use with the item recorded against it', () => {
    const fault = {
      reason: 'close_timeout' as const,
      detail: null,
      during: 'deposit' as const,
      commandId: 'cmd-1',
      at: '2026-11-20T02:03:15.000Z',
    };
    expect(depositStatus(following(compartment('A03', { state: 'faulty', command: null, fault })))).toMatchObject({
      state: 'faulty',
      settled: true,
      message: expect.stringMatching(/^A03 号格口柜门未关闭，该格口已停用，材料已登记在该格口/),
    });
  });

  it('counts down the time left to close the open door', () => {
    const open = compartment('A03', {
      state: 'awaiting_close',
      command: {
        id: 'cmd-1',
        purpose: 'deposit',
        sentAt: '2026-11-20T02:00:00.000Z',
        deadline: '2026-11-20T02:03:00.000Z',
      },
    });
    expect(closeDeadlineMs(following(open))).toBe(180_000);
    expect(closeDeadlineMs(following(compartment('A03')))).toBeNull(); // not open yet
  });
});
