import { CITIZEN_LANGUAGES } from '@hallq/shared/i18n';
import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { GuideStore } from '../store/types';
import { Appointments } from './Appointments';
import { GuideCalls } from './GuideCalls';
import { GuideContext, useActions, useGuide, useWords } from './guide-context';
import { Issue } from './Issue';
import { LoginForm, OwnPasswordButton } from './LoginForm';
import { Lookup } from './Lookup';

type Tab = 'lookup' | 'issue' | 'appointments';
const TABS: Tab[] = ['lookup', 'issue', 'appointments'];

export function GuideApp({ store, i18n }: { store: GuideStore; i18n: i18n }) {
  return (
    <GuideContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <Desk />
      </I18nextProvider>
    </GuideContext.Provider>
  );
}

function Desk() {
  const { t, i18n } = useWords();
  const [tab, setTab] = useState<Tab>('lookup');
  const session = useGuide((s) => s.session);
  if (!session) {
    return (
      <div className="gd gd-out" lang={i18n.language}>
        <Languages />
        <LoginForm />
      </div>
    );
  }
  return (
    <div className="gd" lang={i18n.language}>
      <Header />
      <nav className="gd-nav">
        {TABS.map((target) => (
          <button
            type="button"
            key={target}
            data-testid={`guide-nav-${target}`}
            className={tab === target ? 'current' : undefined}
            aria-current={tab === target ? 'page' : undefined}
            onClick={() => setTab(target)}
          >
            {t(`nav.${target}`)}
          </button>
        ))}
      </nav>
      <main className="gd-main">
        <div className="gd-work">
          {tab === 'lookup' && <Lookup />}
          {tab === 'issue' && <Issue />}
          {tab === 'appointments' && <Appointments />}
        </div>
        <GuideCalls />
      </main>
    </div>
  );
}

function Header() {
  const { t, name } = useWords();
  const session = useGuide((s) => s.session);
  const hall = useGuide((s) => s.hall);
  const connection = useGuide((s) => s.connection);
  const hasFeed = useGuide((s) => s.feed !== null);
  const { logout } = useActions();
  return (
    <header className="gd-header">
      <h1>{t('title')}</h1>
      <span>{name(hall?.name, '')}</span>
      {connection === 'disconnected' && <span className="gd-offline">{t('header.offline')}</span>}
      {connection !== 'disconnected' && !hasFeed && <span className="gd-offline">{t('header.connecting')}</span>}
      <span className="gd-user">
        {session?.staff.name}（{session?.staff.id}）
      </span>
      <Languages />
      <OwnPasswordButton />
      <button type="button" data-testid="guide-logout" onClick={logout}>
        {t('header.logout')}
      </button>
    </header>
  );
}

function Languages() {
  const { t, i18n } = useWords();
  return (
    <span className="gd-languages">
      {CITIZEN_LANGUAGES.map((lang) => (
        <button
          type="button"
          key={lang}
          lang={lang}
          className={i18n.language === lang ? 'current' : undefined}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </span>
  );
}
