import type { i18n } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppointmentScreen } from './screens/AppointmentScreen';
import { CardScreen } from './screens/CardScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ItemScreen } from './screens/ItemScreen';
import { ItemsScreen } from './screens/ItemsScreen';
import {
  BusyScreen,
  CancelledScreen,
  NetworkErrorScreen,
  PrinterNotReadyScreen,
  PrintFailedScreen,
  RefusedScreen,
} from './screens/OutcomeScreens';
import {
  PickupDoneScreen,
  PickupDoorScreen,
  PickupLockedScreen,
  PickupScreen,
  PickupStaffScreen,
} from './screens/PickupScreens';
import { PriorityScreen, PriorityTypesScreen } from './screens/PriorityScreen';
import { TicketScreen } from './screens/TicketScreen';
import type { ScreenName } from './store/slices/flow/state';
import { cannotTakeTickets, idleSecondsLeft } from './store/slices/flow/selectors';
import type { KioskServices, KioskStore } from './store/types';
import { GuideBanner } from './view/GuideBanner';
import { Header } from './view/Header';
import { KioskContext, useActions, useKiosk, useServices } from './view/kiosk-context';
import { OfflineNotice } from './view/OfflineNotice';
import { createScanBuffer } from './view/scan-buffer';

const SCREENS: Record<ScreenName, () => ReactNode> = {
  home: HomeScreen,
  items: ItemsScreen,
  item: ItemScreen,
  priority: PriorityScreen,
  'priority-types': PriorityTypesScreen,
  appointment: AppointmentScreen,
  card: CardScreen,
  busy: BusyScreen,
  'printer-not-ready': PrinterNotReadyScreen,
  ticket: TicketScreen,
  'print-failed': PrintFailedScreen,
  refused: RefusedScreen,
  'network-error': NetworkErrorScreen,
  cancelled: CancelledScreen,
  pickup: PickupScreen,
  'pickup-door': PickupDoorScreen,
  'pickup-done': PickupDoneScreen,
  'pickup-locked': PickupLockedScreen,
  'pickup-staff': PickupStaffScreen,
};

const HTML_LANG = { zh: 'zh-CN', bo: 'bo', en: 'en' } as const;
const HEARTBEAT_MS = 1000;

export function App(props: { store: KioskStore; services: KioskServices; i18n: i18n }) {
  return (
    <KioskContext.Provider value={{ store: props.store, services: props.services }}>
      <I18nextProvider i18n={props.i18n}>
        <Kiosk i18n={props.i18n} />
      </I18nextProvider>
    </KioskContext.Provider>
  );
}

function Kiosk(props: { i18n: i18n }) {
  const { t } = useTranslation('kiosk');
  const language = useKiosk((s) => s.language);
  const elderly = useKiosk((s) => s.elderly);
  const screen = useKiosk((s) => s.screen.name);
  const hallStatus = useKiosk((s) => s.hallStatus);
  const connection = useKiosk((s) => s.connection);
  const countdown = useKiosk(idleSecondsLeft);
  const offline = useKiosk(cannotTakeTickets);
  const { touch, tick } = useActions();

  useEffect(() => {
    void props.i18n.changeLanguage(language);
    document.documentElement.lang = HTML_LANG[language];
  }, [language, props.i18n]);

  useEffect(() => {
    const id = setInterval(tick, HEARTBEAT_MS);
    return () => clearInterval(id);
  }, [tick]);

  usePickupScanner();

  const Screen = SCREENS[screen];
  return (
    <div className={elderly ? 'kiosk elderly' : 'kiosk'} lang={HTML_LANG[language]} onPointerDown={touch}>
      <Header />
      <GuideBanner />
      <main className="content">
        {hallStatus === 'loaded' ? (
          <Screen />
        ) : (
          <p className="notice" role="status" data-testid="hall-status">
            {t('status.loading')}
          </p>
        )}
      </main>
      <footer className="footer">
        {connection === 'unauthorized' && (
          <p className="notice staff" data-testid="connection-notice">
            {t('setup.unauthorized')}
          </p>
        )}
      </footer>
      {offline && <OfflineNotice />}
      {countdown !== null && (
        <div className="countdown" data-testid="idle-countdown" role="status">
          {t('idle.countdown', { count: countdown })}
        </div>
      )}
    </div>
  );
}

/** On a locker kiosk, a pickup notice's QR code held to the scanner (a keyboard wedge) starts the pickup. */
function usePickupScanner() {
  const { hasLocker } = useServices();
  const { collectScanned, scannedOther, touch } = useActions();
  useEffect(() => {
    if (!hasLocker) return;
    const buffer = createScanBuffer();
    const onKey = (event: KeyboardEvent) => {
      const outcome = buffer.key(event.key);
      if (!outcome) return;
      touch();
      if (outcome.kind === 'code') void collectScanned(outcome.code);
      else scannedOther();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hasLocker, collectScanned, scannedOther, touch]);
}

/** Staff-facing: the kiosk cannot work without its device key. */
export function SetupScreen(props: { i18n: i18n }) {
  const t = props.i18n.getFixedT('zh', 'kiosk');
  return (
    <div className="kiosk">
      <section className="screen problem" data-testid="screen-setup">
        <h1 className="screen-title">{t('setup.title')}</h1>
        <p className="advice">{t('setup.body')}</p>
      </section>
    </div>
  );
}
