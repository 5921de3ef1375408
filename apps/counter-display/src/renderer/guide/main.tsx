import { createHallClient, createHallRealtime, newRequestId } from '@hallq/shared/client';
import { createI18n, guideDeskMessages } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserSessionStorage } from '../common/staff-session';
import { createGuideStore } from './store/create-guide-store';
import { GuideApp } from './view/GuideApp';
import '@hallq/fonts/hall-fonts.css';
import './view/guide.css';

// The guide is at a desk with a citizen in front of them: a little longer than a kiosk waits, not as long as a form.
const TIMEOUT_MS = 10_000;

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const store = createGuideStore({
  client: createHallClient({ timeoutMs: TIMEOUT_MS }),
  realtime: (token) => createHallRealtime({ room: 'hall', token }),
  sessions: browserSessionStorage(sessionStorage, () => Date.now(), 'hallq.guide.session'),
  now: () => Date.now(),
  newRequestId,
});
store.getState().restore();
createRoot(rootElement).render(
  <StrictMode>
    <GuideApp store={store} i18n={createI18n({ guideDesk: guideDeskMessages }, 'zh')} />
  </StrictMode>,
);
