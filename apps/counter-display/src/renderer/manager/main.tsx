import { createHallRealtime } from '@hallq/shared/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createManagerApi } from './services/api';
import { browserSessionStorage } from './services/session-storage';
import { createManagerStore } from './store/create-manager-store';
import { ManagerApp } from './view/ManagerApp';
import './view/manager.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
const store = createManagerStore({
  api: createManagerApi(),
  realtime: (token) => createHallRealtime({ room: 'hall', token }),
  sessions: browserSessionStorage(sessionStorage, () => Date.now()),
  newRequestId: () => crypto.randomUUID(),
});
store.getState().restore();
createRoot(rootElement).render(
  <StrictMode>
    <ManagerApp store={store} />
  </StrictMode>,
);
