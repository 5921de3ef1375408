import { isBadRating } from '@hallq/shared/domain';
import { localized } from '@hallq/shared/i18n';
import { useTranslation } from 'react-i18next';
import { LEVELS, asksReason, canSubmit, clerkLabel, secondsLeft } from '../store/slices/pad/selectors';
import { Face } from './Face';
import { useActions, usePad } from './pad-context';

export function IdleScreen({ window }: { window: number }) {
  const { t } = useTranslation('rating');
  const language = usePad((s) => s.language);
  const config = usePad((s) => s.hall?.windows.find((w) => w.number === window));
  const ended = usePad((s) => s.pad.ended);
  return (
    <section className="pad-idle" data-testid="rating-idle">
      <h1>{t('idle.welcome')}</h1>
      <p className="pad-window">{config ? localized(config.name, language) : t('idle.window', { number: window })}</p>
      <p className="pad-hint">{t('idle.hint')}</p>
      {ended && (
        <p className="pad-ended" data-testid="rating-ended">
          {t('idle.ended')}
        </p>
      )}
    </section>
  );
}

export function AskScreen() {
  const { t } = useTranslation('rating');
  const request = usePad((s) => s.pad.request);
  const hall = usePad((s) => s.hall);
  const seconds = usePad(secondsLeft);
  const reasonStep = usePad(asksReason);
  if (!request) return null;
  const clerk = clerkLabel(hall, request.clerk);

  return (
    <section className="pad-ask" data-testid="rating-ask">
      <div className="pad-ask-head">
        <h1>{t('ask.title')}</h1>
        <div className="pad-countdown" data-testid="rating-countdown">
          {t('ask.countdown', { seconds })}
        </div>
      </div>
      <p className="pad-service">
        <span>{t('ask.ticket', { number: request.ticketNumber })}</span>
        {clerk && <span>{clerk.name ? t('ask.clerkNamed', clerk) : t('ask.clerk', clerk)}</span>}
      </p>
      {reasonStep ? <Reasons /> : <Levels />}
      <SubmitBar />
    </section>
  );
}

function Levels() {
  const { t } = useTranslation('rating');
  const chosen = usePad((s) => s.pad.level);
  const { chooseLevel } = useActions();
  return (
    <>
      <div className="pad-levels" role="group">
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className={`pad-level level-${level}${chosen === level ? ' chosen' : ''}`}
            data-testid={`rating-level-${level}`}
            aria-pressed={chosen === level}
            onClick={() => chooseLevel(level)}
          >
            <Face level={level} />
            <span>{t(`level.${level}`)}</span>
          </button>
        ))}
      </div>
      <p className="pad-voluntary">{t('ask.voluntary')}</p>
    </>
  );
}

function Reasons() {
  const { t } = useTranslation('rating');
  const language = usePad((s) => s.language);
  const hall = usePad((s) => s.hall);
  const level = usePad((s) => s.pad.level);
  const chosen = usePad((s) => s.pad.reason);
  const { chooseReason, clearLevel } = useActions();
  if (level === null || !isBadRating(level)) return null;
  const option = (code: string, label: string, testId: string) => (
    <button
      key={code}
      type="button"
      className={chosen === code ? 'pad-btn pad-reason chosen' : 'pad-btn pad-reason'}
      data-testid={testId}
      aria-pressed={chosen === code}
      onClick={() => chooseReason(code)}
    >
      {label}
    </button>
  );
  return (
    <div className="pad-reasons">
      <div className="pad-reasons-head">
        <span className={`pad-chosen-level level-${level}`}>
          <Face level={level} />
          {t(`level.${level}`)}
        </span>
        <h2>{t('reason.title')}</h2>
        <button type="button" className="pad-btn" data-testid="rating-back" onClick={clearLevel}>
          {t('reason.back')}
        </button>
      </div>
      <div className="pad-reason-grid" role="group">
        {(hall?.ratingReasons ?? []).map((r) => option(r.code, localized(r.name, language), `rating-reason-${r.code}`))}
        {option('other', t('reason.other'), 'rating-reason-other')}
      </div>
      {chosen === 'other' && <p className="pad-hint">{t('reason.otherHint')}</p>}
    </div>
  );
}

function SubmitBar() {
  const { t } = useTranslation('rating');
  const enabled = usePad(canSubmit);
  const sending = usePad((s) => s.pad.sending);
  const failed = usePad((s) => s.pad.failed);
  const { submit } = useActions();
  return (
    <div className="pad-submit-bar">
      {failed && (
        <p className="pad-failed" role="alert">
          {t('failed')}
        </p>
      )}
      <button
        type="button"
        className="pad-btn pad-submit"
        data-testid="rating-submit"
        disabled={!enabled}
        onClick={() => void submit()}
      >
        {sending ? t('sending') : t('submit')}
      </button>
    </div>
  );
}

export function ThanksScreen() {
  const { t } = useTranslation('rating');
  const level = usePad((s) => s.pad.level);
  return (
    <section className="pad-thanks" data-testid="rating-thanks">
      <h1>{t('thanks.title')}</h1>
      {level !== null && isBadRating(level) && <p>{t('thanks.bad')}</p>}
    </section>
  );
}

export function SetupScreen({ unauthorized }: { unauthorized: boolean }) {
  const { t } = useTranslation('rating');
  return (
    <section className="pad-idle" data-testid="rating-setup">
      <h1>{t('setup.title')}</h1>
      <p className="pad-hint">{unauthorized ? t('setup.unauthorized') : t('setup.body')}</p>
    </section>
  );
}
