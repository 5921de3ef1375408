import { createHallClient, createHallRealtime, newRequestId } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolvePadIdentity } from './services/pad-identity';
import { createPadStore } from './store/create-pad-store';
import { PadApp, PadSetup } from './view/PadApp';
import '@hallq/fonts/hall-fonts.css';
import './view/rating.css';

// The citizen is standing at the counter: say "try again" rather than spin.
const TIMEOUT_MS = 10_000;

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const root = createRoot(rootElement);
const i18n = createI18n(catalogue, 'zh');
const identity = resolvePadIdentity(location.search, localStorage);

if (!identity) {
  root.render(<PadSetup i18n={i18n} />);
} else {
  const store = createPadStore({
    client: createHallClient({ timeoutMs: TIMEOUT_MS, token: identity.deviceKey }),
    window: identity.window,
    now: () => Date.now(),
    newRequestId,
  });
  void store.getState().loadHall();
  const realtime = createHallRealtime<DeviceStream>({
    room: 'window',
    window: identity.window,
    token: identity.deviceKey,
  });
  store.getState().connectFeed(realtime);
  root.render(
    <StrictMode>
      <PadApp store={store} i18n={i18n} window={identity.window} />
    </StrictMode>,
  );
}
