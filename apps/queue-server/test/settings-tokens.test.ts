import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@hallq/shared/contracts';
import { NoticesConfig } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { api, demoHall, hallPerTest, login } from './harness';

const halls = hallPerTest();
const PROVINCE_TOKEN = 'province-token-0123456789';
const GATEWAY_TOKEN = 'gateway-token-9876543210';

/** The demo hall reporting 好差评 to a province and sending its notices through a gateway, each with its token. */
function hallWithTokens(): HallConfig {
  const hall = demoHall();
  return {
    ...hall,
    ratingUpload: {
      endpoint: 'http://127.0.0.1:9/ratings',
      token: PROVINCE_TOKEN,
      batch: 50,
      timeoutSeconds: 10,
      retrySeconds: 5,
      maxRetrySeconds: 600,
    },
    notices: NoticesConfig.parse({
      sender: 'gateway',
      gateway: { url: 'http://127.0.0.1:9/sms', token: GATEWAY_TOKEN },
    }),
  };
}

describe('the tokens of the systems the hall talks to', () => {
  it('are in no settings view, no version detail and no exported hall file, and the sections keep them', async () => {
    const h = await halls.open({ hall: hallWithTokens() });
    const token = await login(h.server.url, 'admin', 'admin');
    const manager = api(h.server.url, token);
    const view = await ok('settings', manager.get('/api/settings'));
    const detail = await ok('settingsVersion', manager.get(`/api/settings/versions/${view.version}`));
    const yaml = await (
      await fetch(`${h.server.url}/api/settings/hall.yaml`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    for (const text of [JSON.stringify(view), JSON.stringify(detail), yaml]) {
      expect(text).not.toContain(PROVINCE_TOKEN);
      expect(text).not.toContain(GATEWAY_TOKEN);
    }
    // What the console sees of them is all but the token: it knows a gateway is set and where.
    expect(view.hall.notices?.gateway?.url).toBe('http://127.0.0.1:9/sms');
    expect(view.hall.ratingUpload?.endpoint).toBe('http://127.0.0.1:9/ratings');
  });
});
