import { ApiError } from '@hallq/shared/client';
import type { ManagerServices, ManagerStore } from '../../types';
import type { SettingsWrites } from './settings-writes';

export interface CredentialActions {
  resetPassword(staffId: string): Promise<void>;
  issueDeviceKey(deviceId: string): Promise<void>;
  revokeDeviceKey(deviceId: string): Promise<boolean>;
  /** The one-time password or key dialog closed: the secret is forgotten. */
  closeSecret(): void;
}

/**
 * Passwords and device keys, kept apart from the settings: a reset or an issue answers the secret once, held in the
 * store only until its dialog closes.
 */
export function createCredentialActions(
  set: ManagerStore['setState'],
  get: ManagerStore['getState'],
  client: ManagerServices['client'],
  { token, expired, requestIdFor, answered }: SettingsWrites,
): CredentialActions {
  const credentialFailed = (error: unknown) => {
    if (error instanceof ApiError) answered();
    if (expired(error)) return;
    set({
      settingsCredential: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
    });
  };

  return {
    async resetPassword(staffId) {
      const bearer = token();
      if (!bearer) return;
      set({ settingsCredential: { status: 'busy', message: null } });
      try {
        const reset = await client.call('resetPassword', {
          params: { id: staffId },
          body: { requestId: requestIdFor({ resetPassword: staffId }) },
          token: bearer,
        });
        answered();
        set({
          settingsCredential: { status: 'idle', message: null },
          settingsSecret: { kind: 'password', staffId: reset.staffId, secret: reset.temporaryPassword },
        });
        await get().loadSettings();
      } catch (error) {
        credentialFailed(error);
      }
    },

    async issueDeviceKey(deviceId) {
      const bearer = token();
      if (!bearer) return;
      set({ settingsCredential: { status: 'busy', message: null } });
      try {
        const issued = await client.call('issueDeviceKey', {
          params: { id: deviceId },
          body: { requestId: requestIdFor({ issueDeviceKey: deviceId }) },
          token: bearer,
        });
        answered();
        set({
          settingsCredential: { status: 'idle', message: null },
          settingsSecret: { kind: 'deviceKey', deviceId: issued.deviceId, secret: issued.key },
        });
        await get().loadSettings();
      } catch (error) {
        credentialFailed(error);
      }
    },

    async revokeDeviceKey(deviceId) {
      const bearer = token();
      if (!bearer) return false;
      set({ settingsCredential: { status: 'busy', message: null } });
      try {
        await client.call('revokeDeviceKey', {
          params: { id: deviceId },
          body: { requestId: requestIdFor({ revokeDeviceKey: deviceId }) },
          token: bearer,
        });
        answered();
        set({ settingsCredential: { status: 'idle', message: null } });
        await get().loadSettings();
        return true;
      } catch (error) {
        credentialFailed(error);
        return false;
      }
    },

    closeSecret() {
      set({ settingsSecret: null, settingsCredential: { status: 'idle', message: null } });
    },
  };
}
