import { createHallRealtime } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { windowScreenSetup } from '../display/services/device-setup';
import { createScreenClient } from '../display/services/screen-client';
import { SetupNeeded } from '../display/view/SetupNeeded';
import { createWindowStore } from './store/create-window-store';
import { WindowScreen } from './view/WindowScreen';
import '@hallq/fonts/hall-fonts.css';
import '../display/display.css';
import './window.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const root = createRoot(rootElement);
const i18n = createI18n({ display: catalogue.display });
const setup = windowScreenSetup(location.search, localStorage);

if (!setup) {
  root.render(
    <I18nextProvider i18n={i18n}>
      <SetupNeeded messageKey="windowScreen.needWindow" />
    </I18nextProvider>,
  );
} else {
  const store = createWindowStore({
    client: createScreenClient(),
    delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  });
  void store.getState().loadHall();
  store
    .getState()
    .connectFeed(createHallRealtime<DeviceStream>({ room: 'window', token: setup.deviceKey, window: setup.window }));
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <WindowScreen store={store} window={setup.window} />
      </I18nextProvider>
    </StrictMode>,
  );
}
