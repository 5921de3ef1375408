import { ok } from './expect-reply';
import { api, type hallPerTest, login, rid } from './harness';

/**
 * A hall with the manager's console logged in: the settings, and a change of one section made from them as the
 * console's 设置 saves it (the answer as sent, for the test to expect a success or a refusal).
 */
export async function openConsole(halls: ReturnType<typeof hallPerTest>) {
  const h = await halls.open();
  const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
  const settings = () => ok('settings', manager.get('/api/settings'));
  const change = async (section: string, edit: (value: any) => any) => {
    const now = await settings();
    const value = edit(structuredClone((now.hall as any)[section]));
    return manager.post(`/api/settings/sections/${section}`, {
      requestId: rid('set'),
      baseVersion: now.version,
      value,
    });
  };
  return { ...h, manager, settings, change };
}
