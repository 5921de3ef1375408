import { newRequestId } from '@hallq/shared/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createCounterClient } from './services/client';
import { createNoticePrinter } from './services/notice-printer';
import { connectRealtime } from './services/realtime';
import { createStorage, windowFromQuery } from './services/storage';
import { createCounterStore } from './store/create-counter-store';
import '@hallq/fonts/hall-fonts.css';
import '../common/styles.css';
import './counter.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');

const storage = createStorage(localStorage, sessionStorage);
const store = createCounterStore({
  api: createCounterClient(),
  connectRealtime,
  storage,
  now: () => Date.now(),
  newRequestId,
  printNotice: createNoticePrinter(window),
});
// The address names the window of this PC; otherwise the window of the last login here.
const windowNumber = windowFromQuery(location.search) ?? storage.loadWindow();
if (windowNumber !== null) store.getState().chooseWindow(windowNumber);
void store.getState().loadHall();
store.getState().restoreSession();

createRoot(rootElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
