import type { i18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { PadStore } from '../store/types';
import { PadContext, useActions, usePad } from './pad-context';
import { PadHeader } from './PadHeader';
import { AskScreen, IdleScreen, SetupScreen, ThanksScreen } from './Screens';

const HTML_LANG = { zh: 'zh-CN', bo: 'bo', en: 'en' } as const;
const HEARTBEAT_MS = 1000;

export function PadApp(props: { store: PadStore; i18n: i18n; window: number }) {
  return (
    <PadContext.Provider value={props.store}>
      <I18nextProvider i18n={props.i18n}>
        <Pad i18n={props.i18n} window={props.window} />
      </I18nextProvider>
    </PadContext.Provider>
  );
}

function Pad(props: { i18n: i18n; window: number }) {
  const { t } = useTranslation('rating');
  const language = usePad((s) => s.language);
  const screen = usePad((s) => s.pad.screen);
  const connection = usePad((s) => s.connection);
  const feedReady = usePad((s) => s.feed !== null);
  const { tick } = useActions();

  useEffect(() => {
    void props.i18n.changeLanguage(language);
    document.documentElement.lang = HTML_LANG[language];
  }, [language, props.i18n]);

  useEffect(() => {
    const id = setInterval(tick, HEARTBEAT_MS);
    return () => clearInterval(id);
  }, [tick]);

  return (
    <div className="pad" lang={HTML_LANG[language]}>
      <PadHeader />
      <main className="pad-content">
        {connection === 'unauthorized' ? (
          <SetupScreen unauthorized />
        ) : !feedReady ? (
          <p className="pad-hint">{t('status.loading')}</p>
        ) : screen === 'ask' ? (
          <AskScreen />
        ) : screen === 'thanks' ? (
          <ThanksScreen />
        ) : (
          <IdleScreen window={props.window} />
        )}
      </main>
    </div>
  );
}

export function PadSetup(props: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <div className="pad">
        <main className="pad-content">
          <SetupScreen unauthorized={false} />
        </main>
      </div>
    </I18nextProvider>
  );
}
