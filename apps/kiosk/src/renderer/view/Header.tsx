import { useTranslation } from 'react-i18next';
import { useLocalized } from './hall-text';
import { useActions, useKiosk } from './kiosk-context';
import { LanguageButtons } from './LanguageButtons';

/** On every screen: hall name, languages, large text, 呼叫导办, and the way home. */
export function Header() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const elderly = useKiosk((s) => s.elderly);
  const screen = useKiosk((s) => s.screen.name);
  const guideBusy = useKiosk((s) => s.guide.status === 'calling' || s.guide.status === 'waiting');
  const actions = useActions();
  const local = useLocalized();
  // Leaving a failed print or a request in flight must be a deliberate choice on that screen.
  const showHome = !['home', 'busy', 'print-failed'].includes(screen);

  return (
    <header className="header">
      <div className="header-row">
        <h1 className="hall-name">{hall ? local(hall.name) : t('title')}</h1>
        <button
          type="button"
          className="btn guide-btn"
          data-testid="call-guide"
          disabled={guideBusy}
          onClick={() => void actions.callGuide()}
        >
          {t('header.callGuide')}
        </button>
      </div>
      <div className="header-row">
        {showHome ? (
          <button type="button" className="btn" data-testid="go-home" onClick={actions.goHome}>
            <span aria-hidden="true">⌂ </span>
            {t('header.home')}
          </button>
        ) : (
          <span />
        )}
        <div className="header-tools">
          <LanguageButtons />
          <button
            type="button"
            className={elderly ? 'btn elderly-btn current' : 'btn elderly-btn'}
            data-testid="elderly-toggle"
            aria-pressed={elderly}
            onClick={actions.toggleElderly}
          >
            <span aria-hidden="true">A+ </span>
            {t('header.elderly')}
          </button>
        </div>
      </div>
    </header>
  );
}
