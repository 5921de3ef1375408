import { ApiError, NetworkError } from '@hallq/shared/client';
import { HallConfig } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { bodyFromText, bodyText } from './slices/settings/notice-body';
import { sectionValue } from './slices/settings/selectors';
import { notice, settle, testConsole, testSettingsView } from './test-services';

const PHONE = '13900139000';

/** The settings open, the hall's notices as given (none: the window relays every notice). */
async function openSettings(notices?: unknown, tokensSet = { ratingUpload: false, gateway: false }) {
  const app = testConsole({ loggedIn: true });
  await settle();
  let version = 3;
  app.api.settings.mockImplementation(async () => {
    const view = testSettingsView({ version, tokensSet });
    return notices === undefined ? view : { ...view, hall: HallConfig.parse({ ...view.hall, notices }) };
  });
  app.api.changeSettings.mockImplementation(async () => ({ version: ++version, changes: [] }));
  await app.state().loadSettings();
  return app;
}

const gateway = {
  sender: 'gateway',
  gateway: { url: 'https://sms.example.gov.cn/api/send', body: { m: '{{phone}}', c: '{{text}}' }, timeoutSeconds: 10 },
};

describe('设置 → 通知发送', () => {
  it('shows a hall without notices as the window relaying them, and an edit back to that leaves no draft', async () => {
    const app = await openSettings();
    const shown = sectionValue(app.state(), 'notices')!;
    expect(shown).toMatchObject({ sender: 'window', maxAttempts: 6, overdueReminder: true, followUpReminders: false });
    app.state().editSection('notices', {
      ...shown,
      sender: 'modem',
      modem: { path: 'COM3', baudRate: 9600, deliveryReports: true },
    });
    expect(app.state().settingsDrafts.notices?.sender).toBe('modem');
    app.state().editSection('notices', shown);
    expect(app.state().settingsDrafts).toEqual({});
  });

  it('saves a typed token with the section, and a section without one as it is (the server keeps its token)', async () => {
    const app = await openSettings(gateway, { ratingUpload: false, gateway: true });
    const shown = sectionValue(app.state(), 'notices')!;
    expect(shown.gateway).not.toHaveProperty('token');
    expect(app.state().settingsView?.tokensSet.gateway).toBe(true);

    app.state().editSection('notices', { ...shown, gateway: { ...shown.gateway!, timeoutSeconds: 20 } });
    expect(await app.state().saveSection('notices')).toBe(true);
    const kept = app.api.changeSettings.mock.calls[0]![0] as { params: unknown; body: { value: any } };
    expect(kept.params).toEqual({ section: 'notices' });
    expect(kept.body.value.gateway).toEqual({ ...gateway.gateway, timeoutSeconds: 20 });

    app.state().editSection('notices', { ...shown, gateway: { ...shown.gateway!, token: 'new-token-1' } });
    expect(await app.state().saveSection('notices')).toBe(true);
    const replaced = app.api.changeSettings.mock.calls[1]![0] as { body: { value: any } };
    expect(replaced.body.value.gateway.token).toBe('new-token-1');
    // Saved: the draft and its token are gone from the console.
    expect(app.state().settingsDrafts).toEqual({});
  });

  it('reads the gateway body as a JSON object, or not at all while it is not one', () => {
    expect(bodyFromText(bodyText({ mobile: '{{phone}}', content: '{{text}}' }))).toEqual({
      mobile: '{{phone}}',
      content: '{{text}}',
    });
    expect(bodyFromText('{"mobile": "{{phone}}",')).toBeNull();
    expect(bodyFromText('["{{phone}}"]')).toBeNull();
    expect(bodyFromText('null')).toBeNull();
  });
});

describe('发送测试短信', () => {
  it('queues a test SMS to the phone typed and shows the answer; closing the page forgets it', async () => {
    const app = await openSettings(gateway);
    app.api.testNotice.mockResolvedValueOnce({
      notice: notice('t1', { kind: 'test', subject: '测试短信', phone: '139****9000', text: null }),
    });
    expect(await app.state().sendTestNotice(PHONE)).toBe(true);
    expect(app.api.testNotice).toHaveBeenCalledWith({
      token: 'tok-admin',
      body: { requestId: 'request-1', phone: PHONE },
    });
    expect(app.state().settingsTestNotice).toMatchObject({ status: 'queued', notice: { id: 't1', kind: 'test' } });
    app.state().closeSettings();
    expect(app.state().settingsTestNotice).toEqual({ status: 'idle' });
  });

  it('says how long to wait after a 429, and why a window-only hall sends none', async () => {
    const app = await openSettings(gateway);
    app.api.testNotice.mockRejectedValueOnce(
      new ApiError(429, 'too_many_requests', 'a test SMS went out less than a minute ago', { retryAfterSeconds: 42 }),
    );
    expect(await app.state().sendTestNotice(PHONE)).toBe(false);
    expect(app.state().settingsTestNotice).toMatchObject({ status: 'failed', retryAfterSeconds: 42, unanswered: null });
    expect((app.state().settingsTestNotice as { message: string }).message).toContain('42 秒');
    app.api.testNotice.mockRejectedValueOnce(new ApiError(409, 'invalid_state', 'the hall sends no SMS'));
    await app.state().sendTestNotice(PHONE);
    expect((app.state().settingsTestNotice as { message: string }).message).toContain('窗口转达');
  });

  it('sends a test whose answer never came again under its requestId, but a test to another phone as a new one', async () => {
    const app = await openSettings(gateway);
    app.api.testNotice.mockRejectedValueOnce(new NetworkError('connection reset'));
    await app.state().sendTestNotice(PHONE);
    expect(app.state().settingsTestNotice).toMatchObject({ status: 'failed', unanswered: { requestId: 'request-1' } });
    app.api.testNotice.mockRejectedValueOnce(new NetworkError('connection reset'));
    await app.state().sendTestNotice(PHONE);
    app.api.testNotice.mockResolvedValueOnce({ notice: notice('t2', { kind: 'test' }) });
    await app.state().sendTestNotice('13800138000');
    expect(
      app.api.testNotice.mock.calls.map(([input]) => (input as { body: { requestId: string } }).body.requestId),
    ).toEqual(['request-1', 'request-1', 'request-2']);
  });

  it('ends the session on a 401', async () => {
    const app = await openSettings(gateway);
    app.api.testNotice.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'expired'));
    expect(await app.state().sendTestNotice(PHONE)).toBe(false);
    expect(app.state().session).toBeNull();
  });
});
