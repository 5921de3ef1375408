import { createHallClient } from '@hallq/shared/client';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PhoneApp } from './PhoneApp';
import { readChosenLanguage, showLanguage } from './language';
import { pageLanguage, tokenFromPath } from './phone-view';
import '@hallq/fonts/hall-fonts.css';
import './phone.css';

const token = tokenFromPath(window.location.pathname);
// Until the ticket's status says which language it was taken in, the citizen's own choice or Chinese.
const language = pageLanguage(readChosenLanguage(token), null);
const i18n = createI18n({ phone: catalogue.phone }, language);
showLanguage(i18n, language);

// A phone on the hall's Wi-Fi: a request that has not answered by now will not, and a hung one would stall polling.
const client = createHallClient({ timeoutMs: 8000 });

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n} defaultNS="phone">
      <PhoneApp token={token} client={client} />
    </I18nextProvider>
  </StrictMode>,
);
