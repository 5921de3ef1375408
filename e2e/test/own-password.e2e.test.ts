import { randomUUID } from 'node:crypto';
import { createHallClient } from '@hallq/shared/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, screenshot } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

describe('a one-time password the manager set', () => {
  it('has the clerk choose their own at the counter panel, and ends with the clerk at their window', async () => {
    const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 10_000 });
    const manager = await rig.api.login('admin', 'admin');
    const { temporaryPassword } = await client.call('resetPassword', {
      token: manager,
      params: { id: 'c02' },
      body: { requestId: randomUUID() },
    });

    const panel = await open('/counter/?window=2', VIEWPORTS.clerk);
    await panel.getByTestId('login-staff').fill('c02');
    await panel.getByTestId('login-password').fill(temporaryPassword);
    await panel.getByTestId('login-submit').click();
    await panel.getByTestId('counter-choose-password').waitFor();
    expect(await panel.getByTestId('panel').count()).toBe(0);

    // Too weak: the server's own rule is said beside the field, and the clerk stays on the form.
    await panel.getByTestId('counter-new-password').fill('abcdefgh');
    await panel.getByTestId('counter-repeat-password').fill('abcdefgh');
    await panel.getByTestId('counter-choose-password-submit').click();
    const refusal = panel.getByTestId('counter-password-error-next');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('must mix digits with letters or signs');
    await screenshot(panel, 'counter-choose-password-1366x768');

    await panel.getByTestId('counter-new-password').fill('wang-2026');
    await panel.getByTestId('counter-repeat-password').fill('wang-2026');
    await panel.getByTestId('counter-choose-password-submit').click();
    await panel.getByTestId('panel').waitFor();
    expect(await panel.getByTestId('window-holder').textContent()).toContain('c02');
    const { windows } = await client.call('windows', { token: manager });
    expect(windows.find((w) => w.number === 2)?.clerk).toBe('c02');

    // 修改密码 at the window any time after: a wrong current password is said, and the clerk stays at the window.
    await panel.getByTestId('counter-change-password').click();
    await panel.getByTestId('counter-current-password').fill('wrong-2026');
    await panel.getByTestId('counter-new-password').fill('wang-2027');
    await panel.getByTestId('counter-repeat-password').fill('wang-2027');
    await panel.getByTestId('counter-change-password-submit').click();
    await panel.getByTestId('counter-password-error-current').waitFor();
    await panel.getByTestId('counter-current-password').fill('wang-2026');
    await panel.getByTestId('counter-change-password-submit').click();
    await panel.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await panel.keyboard.press('Escape');
    await panel.getByTestId('counter-change-password-dialog').waitFor({ state: 'detached' });
    expect(await panel.getByTestId('window-status').textContent()).toContain('开放');

    // The one-time password is spent, and so is the first one chosen; the last one chosen logs in.
    await expect(rig.api.login('c02', temporaryPassword)).rejects.toMatchObject({ status: 401 });
    await expect(rig.api.login('c02', 'wang-2026')).rejects.toMatchObject({ status: 401 });
    expect(await rig.api.login('c02', 'wang-2027')).toBeTruthy();
  });
});
