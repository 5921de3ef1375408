import { ApiError, NetworkError } from '@hallq/shared/client';
import type { HallConfig } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import {
  errorsAt,
  errorsOutsideRows,
  mayEditSettings,
  pathParts,
  sectionErrors,
  sectionValue,
} from './slices/settings/selectors';
import { settle, testConsole, testSettingsView } from './test-services';

const CHIEF = {
  token: 'tok-z02',
  expiresAt: '2099-01-01T00:00:00.000Z',
  staff: { id: 'z02', name: '税务首席', role: 'chief_representative' as const },
};

async function openSettings(options: Parameters<typeof testConsole>[0] = {}) {
  const app = testConsole({ loggedIn: true, ...options });
  await settle();
  let version = 3;
  app.api.settings.mockImplementation(async () => testSettingsView({ version }));
  app.api.changeSettings.mockImplementation(async () => ({ version: ++version, changes: [] }));
  await app.state().loadSettings();
  return app;
}

/** Window 2 serving `serves`, as the windows section's draft. */
function windowsServing(app: Awaited<ReturnType<typeof openSettings>>, serves: string[]): HallConfig['windows'] {
  const windows = sectionValue(app.state(), 'windows')!;
  return windows.map((w) => (w.number === 2 ? { ...w, serves } : w));
}

describe('the settings view', () => {
  it('reads the settings with the staff token; a chief representative the hall keeps out is told by the 403', async () => {
    const app = await openSettings();
    expect(app.api.settings).toHaveBeenCalledWith({ token: 'tok-admin' });
    expect(app.state().settingsView?.version).toBe(3);
    expect(mayEditSettings(app.state())).toBe(true);

    const chief = testConsole({ loggedIn: true, session: CHIEF });
    await settle();
    expect(mayEditSettings(chief.state())).toBe(false);
    chief.api.settings.mockRejectedValueOnce(new ApiError(403, 'forbidden', 'this hall does not let chiefs'));
    await chief.state().loadSettings();
    expect(mayEditSettings(chief.state())).toBe(false);
    expect(chief.state().settingsAccess).toEqual({ token: 'tok-z02', allowed: false });
    chief.api.settings.mockResolvedValueOnce(testSettingsView());
    await chief.state().loadSettings();
    expect(mayEditSettings(chief.state())).toBe(true);
  });

  it('keeps an edit as a draft, and drops it when edited back to what the server has', async () => {
    const app = await openSettings();
    const before = sectionValue(app.state(), 'windows');
    app.state().editSection('windows', windowsServing(app, ['tax', 'personal']));
    expect(sectionValue(app.state(), 'windows')![1]!.serves).toEqual(['tax', 'personal']);
    app.state().editSection('windows', before!);
    expect(app.state().settingsDrafts).toEqual({});
  });

  it('saves a section against the version shown, then reads the new version and forgets the draft', async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['tax']));
    expect(await app.state().saveSection('windows')).toBe(true);
    expect(app.api.changeSettings).toHaveBeenCalledWith({
      params: { section: 'windows' },
      body: { requestId: 'request-1', baseVersion: 3, value: windowsServing(app, ['tax']) },
      token: 'tok-admin',
    });
    expect(app.state()).toMatchObject({
      settingsDrafts: {},
      settingsNotice: { kind: 'saved', version: 4 },
      settingsView: { version: 4 },
    });
  });

  it("shows the server's field errors against the rows and fields they name, keeping the draft", async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['nope']));
    app.api.changeSettings.mockRejectedValueOnce(
      new ApiError(400, 'validation_failed', 'windows[1].serves[0]: unknown window type', {
        fields: [
          { path: 'windows[1].serves[0]', message: 'unknown window type "nope"' },
          { path: 'serviceItems[0].windowType', message: 'no window serves it' },
        ],
      }),
    );
    expect(await app.state().saveSection('windows')).toBe(false);
    const fields = sectionErrors(app.state(), 'windows');
    expect(errorsAt(fields, 'windows[1].serves')).toEqual(['unknown window type "nope"']);
    expect(errorsAt(fields, 'windows[1].zone')).toEqual([]);
    expect(errorsAt(fields, 'windows[0]')).toEqual([]);
    expect(errorsOutsideRows(fields, ['windows[0]', 'windows[1]']).map((f) => f.path)).toEqual([
      'serviceItems[0].windowType',
    ]);
    expect(sectionErrors(app.state(), 'staff')).toEqual([]);
    expect(app.state().settingsDrafts.windows).toBeDefined();
    expect(pathParts('devices.kiosks[0].name')).toEqual(['devices', 'kiosks', 0, 'name']);
  });

  it('on someone else’s change offers a reload that keeps no draft of the older version', async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['tax']));
    app.state().editSection('calendar', { holidays: ['2027-01-01'], workdays: [] });
    app.api.changeSettings.mockRejectedValueOnce(
      new ApiError(409, 'settings_changed', 'the settings changed since version 3 (now 4, by staff:z02)'),
    );
    await app.state().saveSection('windows');
    expect(app.state().settingsRefusal).toMatchObject({ kind: 'conflict', section: 'windows' });
    app.api.settings.mockResolvedValueOnce(testSettingsView({ version: 4 }));
    await app.state().reloadSettings();
    expect(app.state()).toMatchObject({ settingsDrafts: {}, settingsRefusal: null, settingsView: { version: 4 } });
  });

  it("names the day's work a change would strand", async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['tax']));
    app.api.changeSettings.mockRejectedValueOnce(
      new ApiError(409, 'strands_work', 'windows[1]: 3 tickets of 个人综合 wait', {
        fields: [{ path: 'windows[1].serves', message: '3 tickets of 个人综合 wait for it' }],
      }),
    );
    await app.state().saveSection('windows');
    expect(app.state().settingsRefusal).toMatchObject({
      kind: 'strands_work',
      fields: [{ path: 'windows[1].serves', message: '3 tickets of 个人综合 wait for it' }],
    });
  });

  it('sends a save whose answer never came again with the same requestId', async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['tax']));
    app.api.changeSettings.mockRejectedValueOnce(new NetworkError('timeout'));
    await app.state().saveSection('windows');
    expect(app.state().settingsRefusal?.kind).toBe('network');
    await app.state().saveSection('windows');
    const ids = app.api.changeSettings.mock.calls.map(([input]) => input.body.requestId);
    expect(ids).toEqual(['request-1', 'request-1']);
  });

  it('ends the session when the token expired', async () => {
    const app = await openSettings();
    app.state().editSection('windows', windowsServing(app, ['tax']));
    app.api.changeSettings.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'expired'));
    await app.state().saveSection('windows');
    expect(app.state().session).toBeNull();
  });
});

describe('the settings history', () => {
  it('lists the versions, shows one, and rolls back against the version shown', async () => {
    const app = await openSettings();
    const info = {
      version: 2,
      at: '2025-05-05T02:00:00.000Z',
      actor: 'staff:admin',
      source: 'console' as const,
      changes: [{ section: 'windows' as const, key: '2', kind: 'changed' as const, fields: ['serves'] }],
      rolledBackTo: null,
    };
    app.api.settingsHistory.mockResolvedValueOnce({ versions: [info] });
    await app.state().loadSettingsHistory();
    expect(app.state().settingsHistory).toEqual([info]);
    app.api.settingsVersion.mockResolvedValueOnce({ info, hall: testSettingsView().hall });
    await app.state().showSettingsVersion(2);
    expect(app.api.settingsVersion).toHaveBeenCalledWith({ params: { version: 2 }, token: 'tok-admin' });
    expect(app.state().settingsVersionShown?.info.version).toBe(2);
    app.api.rollbackSettings.mockResolvedValueOnce({ version: 4, changes: [] });
    app.api.settingsHistory.mockResolvedValueOnce({ versions: [] });
    expect(await app.state().rollbackSettings(2)).toBe(true);
    expect(app.api.rollbackSettings).toHaveBeenCalledWith({
      body: { requestId: 'request-1', baseVersion: 3, toVersion: 2 },
      token: 'tok-admin',
    });
    expect(app.state()).toMatchObject({
      settingsVersionShown: null,
      settingsNotice: { kind: 'rolledBack', version: 4 },
    });
  });
});

describe('passwords and device keys', () => {
  it('shows a one-time password until its dialog closes, and keeps it nowhere after', async () => {
    const app = await openSettings();
    app.api.resetPassword.mockResolvedValueOnce({ staffId: 'c01', temporaryPassword: 'k7-Qm29x' });
    await app.state().resetPassword('c01');
    expect(app.api.resetPassword).toHaveBeenCalledWith({
      params: { id: 'c01' },
      body: { requestId: 'request-1' },
      token: 'tok-admin',
    });
    expect(app.state().settingsSecret).toEqual({ kind: 'password', staffId: 'c01', secret: 'k7-Qm29x' });
    app.state().closeSecret();
    expect(JSON.stringify(app.state())).not.toContain('k7-Qm29x');
  });

  it('issues a device key shown once, forgets it when the page closes, and revokes', async () => {
    const app = await openSettings();
    app.api.issueDeviceKey.mockResolvedValueOnce({ deviceId: 'K1', key: 'dk-4f1e9a' });
    await app.state().issueDeviceKey('K1');
    expect(app.state().settingsSecret).toEqual({ kind: 'deviceKey', deviceId: 'K1', secret: 'dk-4f1e9a' });
    app.state().closeSettings();
    expect(JSON.stringify(app.state())).not.toContain('dk-4f1e9a');

    await app.state().loadSettings();
    app.api.revokeDeviceKey.mockResolvedValueOnce({ ok: true });
    expect(await app.state().revokeDeviceKey('K1')).toBe(true);
    app.api.revokeDeviceKey.mockRejectedValueOnce(new ApiError(404, 'not_found', 'no device K9'));
    expect(await app.state().revokeDeviceKey('K9')).toBe(false);
    expect(app.state().settingsCredential).toEqual({ status: 'failed', message: 'no device K9' });
  });
});

describe('the item catalogue', () => {
  const file = { name: '事项.csv', format: 'csv' as const, content: 'Y29kZQ==' };
  const preview = {
    baseVersion: 3,
    rows: 3,
    problems: [],
    added: [{ code: 'T002', name: '税务登记' }],
    changed: [],
    unchanged: 1,
    absent: [],
  };

  it('previews a file, imports it with the preview’s version, and reads the settings again', async () => {
    const app = await openSettings();
    app.api.previewCatalogue.mockResolvedValueOnce(preview);
    await app.state().previewCatalogue(file);
    expect(app.api.previewCatalogue).toHaveBeenCalledWith({
      body: { format: 'csv', content: 'Y29kZQ==' },
      token: 'tok-admin',
    });
    expect(app.state().catalogue).toMatchObject({ status: 'previewed', preview });
    app.api.importCatalogue.mockResolvedValueOnce({ version: 4, changes: [] });
    expect(await app.state().importCatalogue()).toBe(true);
    expect(app.api.importCatalogue).toHaveBeenCalledWith({
      body: { requestId: 'request-1', format: 'csv', content: 'Y29kZQ==', baseVersion: 3 },
      token: 'tok-admin',
    });
    expect(app.state().catalogue.status).toBe('idle');
    expect(app.state().settingsNotice).toEqual({ kind: 'imported', version: 4 });
  });

  it('does not import a file whose preview named problems', async () => {
    const app = await openSettings();
    const problem = { row: 3, column: '办件类型', message: 'must be 即办件 or 承诺件' };
    app.api.previewCatalogue.mockResolvedValueOnce({ ...preview, problems: [problem] });
    await app.state().previewCatalogue(file);
    expect(app.state().catalogue.preview?.problems).toEqual([problem]);
    expect(await app.state().importCatalogue()).toBe(false);
    expect(app.api.importCatalogue).not.toHaveBeenCalled();
  });

  it('downloads the catalogue and the hall file by their routes', async () => {
    const app = await openSettings();
    const blob = new Blob(['code']);
    app.api.catalogueCsv.mockResolvedValueOnce(blob);
    expect(await app.state().downloadSettingsFile('catalogueCsv')).toEqual({ blob, filename: 'catalogueCsv' });
    app.api.hallFile.mockRejectedValueOnce(new NetworkError('down'));
    expect(await app.state().downloadSettingsFile('hallFile')).toBeNull();
  });
});
