import type { PublicHall, TicketStatus } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { pageLanguage, phoneView, shouldVibrate, tokenFromPath } from './phone-view';

const TODAY = '2026-11-23';

function status(over: Partial<TicketStatus> = {}): TicketStatus {
  return {
    number: 'A007',
    hallDay: TODAY,
    windowType: 'personal',
    state: 'waiting',
    peopleAhead: 4,
    estimatedWaitMinutes: 12,
    window: null,
    calls: 0,
    issuedAt: '2026-11-23T01:00:00.000Z',
    calledAt: null,
    language: 'zh',
    expired: false,
    ...over,
  };
}

const called = (window: number, calls: number) => status({ state: 'called', window, calls, peopleAhead: null });

const hall = {
  windowTypes: [{ code: 'personal', name: { zh: '个人综窗', bo: 'མི་སྒེར་སྒེའུ་ཁུང་།' } }],
} as unknown as PublicHall;

describe('phoneView', () => {
  it('says a ticket whose day is over has expired, even before the page knows the hall day', () => {
    const view = phoneView(status({ hallDay: '2026-11-22', expired: true }), null, hall, 'zh');
    expect(view.scene).toBe('other_day');
    expect(view.canGiveUp).toBe(false);
  });

  it('shows a waiting ticket with the people ahead, the estimate and the window type in the chosen language', () => {
    expect(phoneView(status(), TODAY, hall, 'bo')).toEqual({
      scene: 'waiting',
      number: 'A007',
      hallDay: TODAY,
      windowTypeName: 'མི་སྒེར་སྒེའུ་ཁུང་།',
      peopleAhead: 4,
      estimatedWaitMinutes: 12,
      window: null,
      canGiveUp: true,
    });
  });

  it('falls back to the Chinese window type name, and to none before the hall is loaded', () => {
    expect(phoneView(status(), TODAY, hall, 'en').windowTypeName).toBe('个人综窗');
    expect(phoneView(status(), TODAY, null, 'zh').windowTypeName).toBeNull();
  });

  it('shows the window of a called ticket and still lets the citizen give it up', () => {
    const view = phoneView(called(3, 1), TODAY, hall, 'zh');
    expect(view).toMatchObject({ scene: 'called', window: 3, peopleAhead: null, canGiveUp: true });
  });

  it('shows the window while serving, with no give-up', () => {
    expect(phoneView(status({ state: 'serving', window: 5 }), TODAY, hall, 'zh')).toMatchObject({
      scene: 'serving',
      window: 5,
      canGiveUp: false,
    });
  });

  it.each(['finished', 'no_show', 'cancelled'] as const)(
    'shows an ended ticket (%s) plainly, with no give-up',
    (state) => {
      const view = phoneView(status({ state, peopleAhead: null, window: 2 }), TODAY, hall, 'zh');
      expect(view).toMatchObject({ scene: state, peopleAhead: null, window: null, canGiveUp: false });
    },
  );

  it('keeps counting people ahead for a transferred ticket', () => {
    expect(phoneView(status({ state: 'transferred', peopleAhead: 1 }), TODAY, hall, 'zh')).toMatchObject({
      scene: 'transferred',
      peopleAhead: 1,
      canGiveUp: true,
    });
  });

  it('shows a ticket of another day as such, whatever state it was left in', () => {
    const view = phoneView(status({ hallDay: '2026-11-20' }), TODAY, hall, 'zh');
    expect(view).toMatchObject({ scene: 'other_day', hallDay: '2026-11-20', peopleAhead: null, canGiveUp: false });
  });

  it('trusts the ticket state while the hall day is unknown', () => {
    expect(phoneView(status({ hallDay: '2026-11-20' }), null, hall, 'zh').scene).toBe('waiting');
  });
});

describe('shouldVibrate', () => {
  it('vibrates when the ticket is called while the page is open', () => {
    expect(shouldVibrate(status(), called(3, 1))).toBe(true);
  });

  it('vibrates again on a recall', () => {
    expect(shouldVibrate(called(3, 1), called(3, 2))).toBe(true);
  });

  it('does not vibrate twice for the same call (the socket and a poll both report it)', () => {
    expect(shouldVibrate(called(3, 1), called(3, 1))).toBe(false);
  });

  it('vibrates for a call at another window after a transfer, even though calls restarts at 1', () => {
    expect(shouldVibrate(called(3, 2), called(7, 1))).toBe(true);
  });

  it('does not vibrate for a ticket already called when the page opened', () => {
    expect(shouldVibrate(null, called(3, 1))).toBe(false);
  });

  it('does not vibrate when the called ticket moves on', () => {
    expect(shouldVibrate(called(3, 1), status({ state: 'serving', window: 3, calls: 1 }))).toBe(false);
  });
});

describe('tokenFromPath', () => {
  it('reads the token from /t/<token>', () => {
    expect(tokenFromPath('/t/0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(tokenFromPath('/t/0123456789abcdef0123456789abcdef/')).toBe('0123456789abcdef0123456789abcdef');
  });

  it('refuses a missing or malformed token', () => {
    expect(tokenFromPath('/t/')).toBeNull();
    expect(tokenFromPath('/t/short')).toBeNull();
    expect(tokenFromPath('/t/%3Cscript%3E0123456789abcdef')).toBeNull();
    expect(tokenFromPath('/kiosk/phone/')).toBeNull();
  });
});

describe('the language the page shows', () => {
  it('is the one the ticket was taken in', () => {
    expect(pageLanguage(null, 'bo')).toBe('bo');
    expect(pageLanguage(null, 'en')).toBe('en');
  });

  it("is the citizen's own choice for this ticket over the ticket's language", () => {
    expect(pageLanguage('en', 'bo')).toBe('en');
  });

  it('is Chinese while the ticket is not known yet, and for a ticket language the page lacks', () => {
    expect(pageLanguage(null, null)).toBe('zh');
    expect(pageLanguage(null, 'ug')).toBe('zh');
  });
});
