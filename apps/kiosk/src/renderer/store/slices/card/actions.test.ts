import { ApiError } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { demoHall, issuedTicket, testKiosk } from '../../test-services';

const PROOF = `c1.${'A'.repeat(16)}.${'B'.repeat(80)}`;

/** The demo hall with 不动产登记 taken by card, one a person a day. */
function cappedHall(): PublicHall {
  const hall = demoHall();
  return {
    ...hall,
    windowTypes: hall.windowTypes.map((t) => (t.code === 'real-estate' ? { ...t, perPersonDailyCap: 1 } : t)),
  };
}

function choose(kiosk: ReturnType<typeof testKiosk>, windowType: string) {
  kiosk.store.setState({ choice: { windowType, serviceItem: null, priority: null } });
}

describe('刷身份证签到', () => {
  it('checks in with the sealed read from the reader and keeps only the masked name', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.readIdCard.mockResolvedValue({ ok: true, maskedName: '张*', proof: PROOF });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('J001'));
    kiosk.state().openAppointment();
    await kiosk.state().checkInWithIdCard();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({ body: { requestId: 'request-1', idCard: PROOF } });
    expect(kiosk.state().cardHolder).toBe('张*');
    expect(kiosk.state().screen.name).toBe('ticket');
  });

  it.each(['no_card', 'removed', 'unreadable', 'fault'] as const)(
    'after a read that ended %s, stays at the keypad saying why and issues nothing',
    async (reason) => {
      const kiosk = testKiosk();
      kiosk.bridge!.readIdCard.mockResolvedValue({ ok: false, reason });
      kiosk.state().openAppointment();
      await kiosk.state().checkInWithIdCard();
      expect(kiosk.state().screen).toEqual({ name: 'appointment', notice: reason });
      expect(kiosk.api.issueTicket).not.toHaveBeenCalled();
    },
  );

  it('takes a bridge that throws for a reader fault', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.readIdCard.mockRejectedValue(new Error('ipc gone'));
    kiosk.state().openAppointment();
    await kiosk.state().checkInWithIdCard();
    expect(kiosk.state().screen).toEqual({ name: 'appointment', notice: 'fault' });
  });
});

describe('刷证取号 (每人每日限取)', () => {
  it('reads a card for a type taken by card and issues the ticket against it', async () => {
    const kiosk = testKiosk({ hall: cappedHall() });
    kiosk.bridge!.readIdCard.mockResolvedValue({ ok: true, maskedName: '欧阳**', proof: PROOF });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('H001', { windowType: 'real-estate' }));
    choose(kiosk, 'real-estate');
    await kiosk.state().takeTicket();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: { requestId: 'request-1', windowType: 'real-estate', idCard: PROOF },
    });
    expect(kiosk.state().cardHolder).toBe('欧阳**');
  });

  it('never reads a card for a type without the cap', async () => {
    const kiosk = testKiosk({ hall: cappedHall() });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('A001'));
    choose(kiosk, 'personal');
    await kiosk.state().takeTicket();
    expect(kiosk.bridge!.readIdCard).not.toHaveBeenCalled();
  });

  it('shows why when the card was taken away mid-read, and issues nothing', async () => {
    const kiosk = testKiosk({ hall: cappedHall() });
    kiosk.bridge!.readIdCard.mockResolvedValue({ ok: false, reason: 'removed' });
    choose(kiosk, 'real-estate');
    await kiosk.state().takeTicket();
    expect(kiosk.state().screen).toEqual({ name: 'card', notice: 'removed' });
    expect(kiosk.api.issueTicket).not.toHaveBeenCalled();
  });

  it('on a kiosk without a reader, sends the citizen on instead of issuing', async () => {
    const kiosk = testKiosk({ hall: cappedHall(), bridge: null });
    choose(kiosk, 'real-estate');
    await kiosk.state().takeTicket();
    expect(kiosk.state().screen).toEqual({ name: 'card', notice: 'not_fitted' });
    expect(kiosk.api.issueTicket).not.toHaveBeenCalled();
  });

  it("shows the server's refusal of a second ticket for the same card", async () => {
    const kiosk = testKiosk({ hall: cappedHall() });
    kiosk.bridge!.readIdCard.mockResolvedValue({ ok: true, maskedName: '张*', proof: PROOF });
    kiosk.api.issueTicket.mockRejectedValue(new ApiError(409, 'per_person_cap', 'taken'));
    choose(kiosk, 'real-estate');
    await kiosk.state().takeTicket();
    expect(kiosk.state().screen).toEqual({ name: 'refused', code: 'per_person_cap', opensAt: null, via: 'id_card' });
  });

  it('forgets the masked name when the visit ends', async () => {
    const kiosk = testKiosk({ hall: cappedHall() });
    kiosk.bridge!.readIdCard.mockResolvedValue({ ok: true, maskedName: '张*', proof: PROOF });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('H001', { windowType: 'real-estate' }));
    choose(kiosk, 'real-estate');
    await kiosk.state().takeTicket();
    kiosk.state().resetSession();
    expect(kiosk.state().cardHolder).toBeNull();
  });
});
