import { useTranslation } from 'react-i18next';
import { refusalAction } from '../store/slices/ticket/selectors';
import { refusalText } from '../view/format';
import { useTimeContext } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';

export function GuideAndHome() {
  const { t } = useTranslation('kiosk');
  const { callGuide, goHome } = useActions();
  return (
    <div className="actions-row">
      <button type="button" className="btn big" data-testid="outcome-call-guide" onClick={() => void callGuide()}>
        {t('header.callGuide')}
      </button>
      <button type="button" className="btn big" data-testid="outcome-home" onClick={goHome}>
        {t('header.home')}
      </button>
    </div>
  );
}

export function BusyScreen() {
  const { t } = useTranslation('kiosk');
  const task = useKiosk((s) => (s.screen.name === 'busy' ? s.screen.task : 'issuing'));
  return (
    <section className="screen busy" data-testid="screen-busy" data-task={task} aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="screen-title" role="status">
        {t(`busy.${task}`)}
      </p>
    </section>
  );
}

export function PrinterNotReadyScreen() {
  const { t } = useTranslation('kiosk');
  const printer = useKiosk((s) => (s.screen.name === 'printer-not-ready' ? s.screen.printer : 'error'));
  const { showOnScreen } = useActions();
  return (
    <section className="screen problem" data-testid="screen-printer-not-ready" data-printer={printer}>
      <h2 className="screen-title">{t('printer.title')}</h2>
      <p className="reason">{t(`printer.${printer === 'ready' ? 'error' : printer}`)}</p>
      <p className="advice">{t('printer.advice')}</p>
      <button
        type="button"
        className="btn big primary"
        data-testid="show-on-screen"
        onClick={() => void showOnScreen()}
      >
        {t('printer.showOnScreen')}
      </button>
      <GuideAndHome />
    </section>
  );
}

export function PrintFailedScreen() {
  const { t } = useTranslation('kiosk');
  const reason = useKiosk((s) => (s.screen.name === 'print-failed' ? s.screen.reason : 'error'));
  const number = useKiosk((s) => s.issued?.ticket.number ?? '');
  const { reprint, cancelTicket, callGuide } = useActions();
  return (
    <section className="screen problem" data-testid="screen-print-failed" data-reason={reason} data-number={number}>
      <h2 className="screen-title">{t('printFailed.title')}</h2>
      <p className="reason">{t(`printFailed.${reason}`)}</p>
      <p className="advice">{t('printFailed.number', { number })}</p>
      <p className="advice">{t('printFailed.advice')}</p>
      <div className="actions-row">
        <button type="button" className="btn big primary" data-testid="reprint" onClick={() => void reprint()}>
          {t('printFailed.reprint')}
        </button>
        <button
          type="button"
          className="btn big danger"
          data-testid="cancel-ticket"
          onClick={() => void cancelTicket()}
        >
          {t('printFailed.cancel')}
        </button>
      </div>
      <button type="button" className="btn big" data-testid="outcome-call-guide" onClick={() => void callGuide()}>
        {t('header.callGuide')}
      </button>
    </section>
  );
}

export function CancelledScreen() {
  const { t } = useTranslation('kiosk');
  const number = useKiosk((s) => (s.screen.name === 'cancelled' ? s.screen.number : ''));
  return (
    <section className="screen problem" data-testid="screen-cancelled">
      <h2 className="screen-title">{t('cancelled.title', { number })}</h2>
      <p className="advice">{t('cancelled.body')}</p>
      <GuideAndHome />
    </section>
  );
}

export function NetworkErrorScreen() {
  const { t } = useTranslation('kiosk');
  const retry = useKiosk((s) => (s.screen.name === 'network-error' ? s.screen.retry : 'issue'));
  const { retryIssue, cancelTicket } = useActions();
  return (
    <section className="screen problem" data-testid="screen-network-error" data-retry={retry}>
      <h2 className="screen-title">{t('network.title')}</h2>
      <p className="advice">{t('network.body')}</p>
      <button
        type="button"
        className="btn big primary"
        data-testid="retry"
        onClick={() => void (retry === 'issue' ? retryIssue() : cancelTicket())}
      >
        {t('network.retry')}
      </button>
      <GuideAndHome />
    </section>
  );
}

export function RefusedScreen() {
  const { t } = useTranslation(['kiosk', 'refusals']);
  const screen = useKiosk((s) => s.screen);
  const ctx = useTimeContext();
  const { goHome, openAppointment } = useActions();
  if (screen.name !== 'refused') return null;
  const text = refusalText(t, screen, ctx);
  const action = refusalAction(screen);
  return (
    <section className="screen problem" data-testid="screen-refused" data-code={screen.code}>
      <h2 className="screen-title">{text.title}</h2>
      <p className="advice">{text.advice}</p>
      {action === 'normal_ticket' && (
        <button type="button" className="btn big primary" data-testid="normal-ticket" onClick={goHome}>
          {t('refused.normalTicket')}
        </button>
      )}
      {action === 'reenter_code' && (
        <button type="button" className="btn big primary" data-testid="reenter-code" onClick={openAppointment}>
          {t('refused.reenterCode')}
        </button>
      )}
      <GuideAndHome />
    </section>
  );
}
