import { ApiError, NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { fakeBridge, issuedTicket, testKiosk } from '../../test-services';

const SOCIAL_SECURITY_CARD = 'social-security-card';

async function chooseSocialSecurityCard(kiosk: ReturnType<typeof testKiosk>) {
  kiosk.state().chooseWindowType('social-security');
  kiosk.state().openItem(SOCIAL_SECURITY_CARD);
  await kiosk.state().takeTicket();
}

describe('taking a ticket at a kiosk with a printer', () => {
  it('checks the printer, issues, prints a Chinese ticket with materials and the status URL, then goes home', async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockResolvedValue(
      issuedTicket('C001', { windowType: 'social-security', serviceItem: SOCIAL_SECURITY_CARD }),
    );
    await chooseSocialSecurityCard(kiosk);

    expect(kiosk.bridge!.printerStatus).toHaveBeenCalledBefore(kiosk.api.issueTicket);
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: { requestId: 'request-1', windowType: 'social-security', serviceItem: SOCIAL_SECURITY_CARD },
    });
    expect(kiosk.bridge!.printTicket).toHaveBeenCalledWith({
      hallName: '拉萨市政务服务中心（演示）',
      windowTypeName: '社保',
      serviceItemName: '社会保障卡申领',
      number: 'C001',
      peopleAhead: 3,
      estimatedWaitMinutes: 12,
      windows: [1, 2, 3],
      issuedAt: '2025-05-06T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      statusUrl: 'http://hall.local/t/tok',
      materials: ['申请人居民身份证', '近期免冠照片（可现场采集）'],
    });
    expect(kiosk.state().screen).toEqual({ name: 'ticket' });
    expect(kiosk.state().printed).toBe(true);

    kiosk.advance(9_000);
    expect(kiosk.state().screen.name).toBe('ticket');
    kiosk.advance(1_000);
    expect(kiosk.state().screen.name).toBe('home');
    expect(kiosk.state().issued).toBeNull();
  });

  it("tells the server the citizen's language when it is not Chinese, for the written notices", async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001', { windowType: 'social-security' }));
    kiosk.state().setLanguage('bo');
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: {
        requestId: 'request-1',
        windowType: 'social-security',
        serviceItem: SOCIAL_SECURITY_CARD,
        language: 'bo',
      },
    });
  });

  it('issues nothing while the printer is not ready, and can issue for the screen instead with the same request', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.printerStatus.mockResolvedValue('paper_out');
    await chooseSocialSecurityCard(kiosk);

    expect(kiosk.state().screen).toEqual({ name: 'printer-not-ready', printer: 'paper_out' });
    expect(kiosk.api.issueTicket).not.toHaveBeenCalled();

    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await kiosk.state().showOnScreen();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({ body: expect.objectContaining({ requestId: 'request-1' }) });
    expect(kiosk.bridge!.printTicket).not.toHaveBeenCalled();
    expect(kiosk.state()).toMatchObject({ screen: { name: 'ticket' }, printed: false });
  });

  it('treats a printer that cannot report its state as not ready', async () => {
    const kiosk = testKiosk();
    kiosk.bridge!.printerStatus.mockRejectedValue(new Error('ipc closed'));
    await kiosk.state().takeTicket();
    expect(kiosk.state().screen).toEqual({ name: 'printer-not-ready', printer: 'error' });
    expect(kiosk.api.issueTicket).not.toHaveBeenCalled();
  });

  it('after a failed print, prints again on 重新打印 and succeeds', async () => {
    const kiosk = testKiosk({ bridge: fakeBridge({ ok: false, reason: 'paper_out', message: 'no paper' }) });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.state().screen).toEqual({ name: 'print-failed', reason: 'paper_out' });

    kiosk.bridge!.printTicket.mockResolvedValue({ ok: true });
    await kiosk.state().reprint();
    expect(kiosk.bridge!.printTicket).toHaveBeenCalledTimes(2);
    expect(kiosk.api.issueTicket).toHaveBeenCalledTimes(1);
    expect(kiosk.state()).toMatchObject({ screen: { name: 'ticket' }, printed: true });
  });

  it('after a failed print, 取消此号 cancels that number on the server', async () => {
    const kiosk = testKiosk({ bridge: fakeBridge({ ok: false, reason: 'timeout', message: 'slow' }) });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    kiosk.api.cancelTicket.mockResolvedValue({ ticket: issuedTicket('C001', { state: 'cancelled' }).ticket });
    await chooseSocialSecurityCard(kiosk);
    await kiosk.state().cancelTicket();

    expect(kiosk.api.cancelTicket).toHaveBeenCalledWith({
      params: { number: 'C001' },
      body: { requestId: 'request-2', reason: 'print_failed' },
    });
    expect(kiosk.state().screen).toEqual({ name: 'cancelled', number: 'C001' });
  });

  it('cancels the number on the server when the citizen walks away from a failed print', async () => {
    const kiosk = testKiosk({ bridge: fakeBridge({ ok: false, reason: 'offline', message: 'offline' }) });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    kiosk.api.cancelTicket.mockRejectedValueOnce(new NetworkError('down'));
    await chooseSocialSecurityCard(kiosk);

    kiosk.advance(60_000);
    expect(kiosk.state().screen.name).toBe('home');
    expect(kiosk.api.cancelTicket).toHaveBeenCalledWith({
      params: { number: 'C001' },
      body: expect.objectContaining({ reason: 'print_failed' }),
    });
    // The network was down: the cancel is retried with the same requestId until the server answers.
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.state().voids).toHaveLength(1);
    kiosk.api.cancelTicket.mockResolvedValue({ ticket: issuedTicket('C001', { state: 'cancelled' }).ticket });
    kiosk.advance(1_000);
    await Promise.resolve();
    const ids = kiosk.api.cancelTicket.mock.calls.map(([input]) => input.body.requestId);
    expect(new Set(ids).size).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.state().voids).toEqual([]);
  });

  it('retries a network failure with the same requestId, so the server issues at most one ticket', async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockRejectedValueOnce(new NetworkError('timeout'));
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.state().screen).toEqual({ name: 'network-error', retry: 'issue' });

    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await kiosk.state().retryIssue();
    const ids = kiosk.api.issueTicket.mock.calls.map(([input]) => input.body.requestId);
    expect(ids).toEqual(['request-1', 'request-1']);
    expect(kiosk.state().screen.name).toBe('ticket');
  });

  it('shows a refusal with its code and opening time, and takes a fresh requestId next time', async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockRejectedValueOnce(
      new ApiError(409, 'lunch_break', 'lunch', { opensAt: '2025-05-06T05:30:00.000Z' }),
    );
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.state().screen).toEqual({
      name: 'refused',
      code: 'lunch_break',
      opensAt: '2025-05-06T05:30:00.000Z',
      via: 'walk_in',
    });

    kiosk.state().goHome();
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.api.issueTicket.mock.calls[1]![0].body.requestId).not.toBe('request-1');
  });
});

describe('the QR code of the ticket', () => {
  it("points at the hall's public status address when the hall file gives one", async () => {
    const kiosk = testKiosk();
    kiosk.store.setState({ hall: { ...kiosk.state().hall!, publicStatusUrl: 'https://hall.example.gov.cn/q' } });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.bridge!.printTicket).toHaveBeenCalledWith(
      expect.objectContaining({ statusUrl: 'https://hall.example.gov.cn/q/t/tok' }),
    );
  });

  it("points at the kiosk's own address when the hall has no public one", async () => {
    const kiosk = testKiosk();
    expect(kiosk.state().hall!.publicStatusUrl).toBeNull();
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('C001'));
    await chooseSocialSecurityCard(kiosk);
    expect(kiosk.bridge!.printTicket).toHaveBeenCalledWith(
      expect.objectContaining({ statusUrl: 'http://hall.local/t/tok' }),
    );
  });
});

describe('the printed ticket without a service item', () => {
  it('names no item when the citizen went straight to a window type', async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('A001'));
    kiosk.state().chooseWindowType('personal');
    await kiosk.state().takeTicket();
    expect(kiosk.bridge!.printTicket).toHaveBeenCalledWith(
      expect.objectContaining({ serviceItemName: null, materials: [] }),
    );
  });
});

describe('a limit met', () => {
  it('asks the citizen to try again at the time the server gives', async () => {
    const kiosk = testKiosk();
    kiosk.api.issueTicket.mockRejectedValueOnce(
      new ApiError(429, 'too_many_requests', 'slow down', { retryAfterSeconds: 30 }),
    );
    await chooseSocialSecurityCard(kiosk);
    const screen = kiosk.state().screen;
    expect(screen).toMatchObject({ name: 'refused', code: 'too_many_requests' });
    expect(screen.name === 'refused' && Date.parse(screen.opensAt!) - kiosk.clock.now).toBe(30_000);
  });
});

describe('taking a ticket in a plain browser', () => {
  it('shows the ticket on screen without asking for a printer', async () => {
    const kiosk = testKiosk({ bridge: null });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('A001'));
    kiosk.state().chooseWindowType('personal');
    await kiosk.state().takeTicket();
    expect(kiosk.state()).toMatchObject({ screen: { name: 'ticket' }, printed: false, returnHomeAt: null });
    expect(kiosk.state().issued?.ticket.number).toBe('A001');
  });
});
