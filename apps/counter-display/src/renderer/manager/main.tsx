import { createHallClient, createHallRealtime, newRequestId } from '@hallq/shared/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserSessionStorage } from '../common/staff-session';
import { createManagerStore } from './store/create-manager-store';
import { ManagerApp } from './view/ManagerApp';
import '@hallq/fonts/hall-fonts.css';
import './view/manager.css';
import './view/console.css';

// Whoever answers for a department is at a desk and can wait a little longer than a citizen at a screen before "try
// again".
const TIMEOUT_MS = 15_000;

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const store = createManagerStore({
  client: createHallClient({ timeoutMs: TIMEOUT_MS }),
  realtime: (token) => createHallRealtime({ room: 'hall', token }),
  sessions: browserSessionStorage(sessionStorage, () => Date.now(), 'hallq.manager.session'),
  newRequestId,
});
store.getState().restore();
createRoot(rootElement).render(
  <StrictMode>
    <ManagerApp store={store} />
  </StrictMode>,
);
