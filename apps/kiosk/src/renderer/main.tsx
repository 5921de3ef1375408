import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, SetupScreen } from './App';
import { createApi } from './services/api';
import { resolveDeviceIdentity } from './services/device-key';
import { createRealtime } from './services/realtime';
import { createKioskStore } from './store/create-kiosk-store';
import type { KioskServices } from './store/types';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const root = createRoot(rootElement);
const i18n = createI18n(catalogue, 'zh');
const bridge = window.hallq ?? null;

async function start() {
  const identity = await resolveDeviceIdentity(bridge, location.search, localStorage).catch(() => null);
  if (!identity) {
    root.render(<SetupScreen i18n={i18n} />);
    return;
  }
  const services: KioskServices = {
    api: createApi(identity.deviceKey),
    realtime: createRealtime(identity.deviceKey),
    bridge,
    hasIdCardReader: identity.hasIdCardReader,
    hasLocker: identity.hasLocker,
    now: () => Date.now(),
    newRequestId: () => crypto.randomUUID(),
    origin: location.origin,
  };
  const store = createKioskStore(services);
  void store.getState().loadHall();
  store.getState().connect();
  root.render(
    <StrictMode>
      <App store={store} services={services} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
