import { useTranslation } from 'react-i18next';
import { returnHomeSecondsLeft } from '../store/slices/flow/selectors';
import { PICKUP_CODE_LENGTH, type PickupNotice } from '../store/slices/pickup/state';
import { pickupWindows } from '../store/slices/pickup/selectors';
import { CodeEntry } from '../view/CodeEntry';
import { formatOpensAt } from '../view/format';
import { useTimeContext, windowList } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';
import { BackButton } from './BackButton';

/** The pickup windows, listed in the citizen's language: where the locker sends anyone it cannot serve. */
function usePickupWindows(): string {
  const language = useKiosk((s) => s.language);
  // The hall, not a list made from it: a selector must return the same value while nothing changed.
  const hall = useKiosk((s) => s.hall);
  return windowList(pickupWindows(hall), language);
}

function NoticeLine(props: { notice: PickupNotice }) {
  const { t } = useTranslation('kiosk');
  const time = useTimeContext();
  const windows = usePickupWindows();
  const { notice } = props;
  const text =
    notice.kind === 'wrong_code'
      ? t('pickup.wrongCode', { count: notice.attemptsLeft })
      : notice.kind === 'already_collected'
        ? t('pickup.alreadyCollected', {
            time: formatOpensAt(notice.collectedAt, time.timeZone, time.language, time.now),
            windows,
          })
        : notice.kind === 'offline'
          ? t('pickup.offline')
          : t('pickup.notPickupQr');
  return (
    <p className="notice warn" role="alert" data-testid="pickup-notice" data-kind={notice.kind}>
      {text}
    </p>
  );
}

export function PickupScreen() {
  const { t } = useTranslation('kiosk');
  const code = useKiosk((s) => s.pickupCode);
  const notice = useKiosk((s) => (s.screen.name === 'pickup' ? s.screen.notice : null));
  const actions = useActions();
  return (
    <section className="screen appointment pickup" data-testid="screen-pickup">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{t('pickup.title')}</h2>
      </div>
      <CodeEntry
        code={code}
        length={PICKUP_CODE_LENGTH}
        testId="pickup-code"
        onDigit={actions.pressPickupDigit}
        onDelete={actions.deletePickupDigit}
        before={
          <>
            {notice && <NoticeLine notice={notice} />}
            <p className="hint">{t('pickup.prompt')}</p>
          </>
        }
        submit={
          <button
            type="button"
            className="btn big primary submit"
            data-testid="pickup-submit"
            disabled={code.length !== PICKUP_CODE_LENGTH}
            onClick={() => void actions.submitPickupCode()}
          >
            {t('pickup.submit')}
          </button>
        }
      />
    </section>
  );
}

export function PickupDoorScreen() {
  const { t } = useTranslation('kiosk');
  const screen = useKiosk((s) => (s.screen.name === 'pickup-door' ? s.screen : null));
  if (!screen) return null;
  return (
    <section
      className="screen problem pickup-door"
      data-testid="screen-pickup-door"
      data-stage={screen.stage}
      data-compartment={screen.compartment}
    >
      {screen.stage === 'pending' ? (
        <>
          <div className="spinner" aria-hidden="true" />
          <p className="screen-title" role="status">
            {t('pickup.opening')}
          </p>
        </>
      ) : (
        <>
          <p className="door-number" aria-hidden="true">
            {screen.compartment}
          </p>
          <h2 className="screen-title" role="status">
            {t('pickup.open', { compartment: screen.compartment })}
          </h2>
          <p className="take">{t('pickup.openAdvice')}</p>
        </>
      )}
    </section>
  );
}

export function PickupDoneScreen() {
  const { t } = useTranslation('kiosk');
  const windows = usePickupWindows();
  const secondsLeft = useKiosk(returnHomeSecondsLeft);
  const { resetSession } = useActions();
  return (
    <section className="screen problem pickup-done" data-testid="screen-pickup-done">
      <h2 className="screen-title take">{t('pickup.done')}</h2>
      <p className="advice">{t('pickup.doneAdvice', { windows })}</p>
      <button type="button" className="btn big primary" data-testid="pickup-finish" onClick={resetSession}>
        {t('ticket.done')}
        {secondsLeft !== null && <span className="sub-label"> · {t('ticket.returnHome', { count: secondsLeft })}</span>}
      </button>
    </section>
  );
}

export function PickupLockedScreen() {
  const { t } = useTranslation('kiosk');
  const until = useKiosk((s) => (s.screen.name === 'pickup-locked' ? s.screen.until : ''));
  const time = useTimeContext();
  const windows = usePickupWindows();
  const { goHome } = useActions();
  return (
    <section className="screen problem" data-testid="screen-pickup-locked">
      <h2 className="screen-title">{t('pickup.lockedTitle')}</h2>
      <p className="advice">
        {t('pickup.locked', { time: formatOpensAt(until, time.timeZone, time.language, time.now), windows })}
      </p>
      <button type="button" className="btn big" data-testid="outcome-home" onClick={goHome}>
        {t('header.home')}
      </button>
    </section>
  );
}

export function PickupStaffScreen() {
  const { t } = useTranslation('kiosk');
  const screen = useKiosk((s) => (s.screen.name === 'pickup-staff' ? s.screen : null));
  const windows = usePickupWindows();
  const secondsLeft = useKiosk(returnHomeSecondsLeft);
  const { goHome } = useActions();
  if (!screen) return null;
  return (
    <section className="screen problem" data-testid="screen-pickup-staff" data-reason={screen.reason}>
      <h2 className="screen-title">{t('pickup.staffTitle', { windows })}</h2>
      <p className="advice">{t(`pickup.${screen.reason}`, { compartment: screen.compartment ?? '' })}</p>
      <button type="button" className="btn big" data-testid="outcome-home" onClick={goHome}>
        {t('header.home')}
        {secondsLeft !== null && <span className="sub-label"> · {t('ticket.returnHome', { count: secondsLeft })}</span>}
      </button>
    </section>
  );
}
