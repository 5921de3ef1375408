import { createHallClient, createHallRealtime, newRequestId } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, SetupScreen } from './App';
import { resolveDeviceIdentity } from './services/device-key';
import { createKioskStore } from './store/create-kiosk-store';
import type { KioskServices } from './store/types';
import '@hallq/fonts/hall-fonts.css';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const root = createRoot(rootElement);
const i18n = createI18n(catalogue, 'zh');
const bridge = window.hallq ?? null;
// A citizen is standing at the screen: better to say "try again" than to spin for a minute.
const API_TIMEOUT_MS = 10_000;

async function start() {
  const identity = await resolveDeviceIdentity(bridge, location.search, localStorage).catch(() => null);
  if (!identity) {
    root.render(<SetupScreen i18n={i18n} />);
    return;
  }
  const services: KioskServices = {
    api: createHallClient({ timeoutMs: API_TIMEOUT_MS, token: identity.deviceKey }),
    bridge,
    hasIdCardReader: identity.hasIdCardReader,
    hasLocker: identity.hasLocker,
    now: () => Date.now(),
    newRequestId,
    origin: location.origin,
  };
  const store = createKioskStore(services);
  void store.getState().loadHall();
  store.getState().connectFeed(createHallRealtime<DeviceStream>({ room: 'kiosk', token: identity.deviceKey }));
  root.render(
    <StrictMode>
      <App store={store} services={services} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
