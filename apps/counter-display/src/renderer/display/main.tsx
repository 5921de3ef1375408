import { createHallRealtime } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { announceFreshCalls, createAnnouncer } from '../voice/announcer';
import { createBrowserPlayer } from '../voice/browser-player';
import { recordAnnouncement } from '../voice/test-hook';
import { hallDisplaySetup } from './services/device-setup';
import { createScreenClient } from './services/screen-client';
import { createDisplayStore } from './store/create-display-store';
import { HallDisplay } from './view/HallDisplay';
import { SetupNeeded } from './view/SetupNeeded';
import '@hallq/fonts/hall-fonts.css';
import './display.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const root = createRoot(rootElement);
const i18n = createI18n({ display: catalogue.display });
const setup = hallDisplaySetup(location.search, localStorage);

if (!setup) {
  root.render(
    <I18nextProvider i18n={i18n}>
      <SetupNeeded messageKey="needKey" />
    </I18nextProvider>,
  );
} else {
  const player = createBrowserPlayer();
  const announcer = createAnnouncer(player, recordAnnouncement);
  const store = createDisplayStore({
    client: createScreenClient(),
    onFresh: announceFreshCalls(announcer),
    delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    audio: player,
  });
  void store.getState().loadHall();
  store.getState().connectFeed(createHallRealtime<DeviceStream>({ room: 'hall', token: setup.deviceKey }));
  void store.getState().watchVoice();
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HallDisplay store={store} />
      </I18nextProvider>
    </StrictMode>,
  );
}
