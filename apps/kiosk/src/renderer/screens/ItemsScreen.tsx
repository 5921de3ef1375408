import { acceptsAnyItem } from '@hallq/shared/domain';
import { useTranslation } from 'react-i18next';
import { itemsFor, windowTypeOf } from '../store/slices/hall/selectors';
import { useLocalized } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';
import { LetterKeyboard } from '../view/LetterKeyboard';
import { BackButton } from './BackButton';

const TIBETAN = /[\u0F00-\u0FFF]/;

/** The optional item step: browse or search (pinyin initials on the touch keyboard), or skip in one touch. */
export function ItemsScreen() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const code = useKiosk((s) => s.choice.windowType);
  const query = useKiosk((s) => s.query);
  const language = useKiosk((s) => s.language);
  const actions = useActions();
  const local = useLocalized();
  const type = hall ? windowTypeOf(hall, code) : undefined;
  if (!hall || !type) return null;
  const items = itemsFor(hall, type, query);

  return (
    <section className="screen items" data-testid="screen-items">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{local(type.name)}</h2>
      </div>
      <button
        type="button"
        className="btn big primary skip-btn"
        data-testid="skip-item"
        onClick={() => void actions.takeTicket()}
      >
        {t('items.skip')}
      </button>
      <p className="hint">{t('items.title')}</p>
      <div className="items-layout">
        <div className="items-list-wrap">
          <div className="search-box" data-testid="search-box" aria-live="polite">
            {query === '' ? (
              <span className="placeholder">{t('items.search')}</span>
            ) : (
              <span className="query" lang={TIBETAN.test(query) ? 'bo' : undefined}>
                {query}
              </span>
            )}
            <span className="caret" aria-hidden="true" />
          </div>
          {acceptsAnyItem(type) && query === '' && <p className="hint small">{t('items.anyItem')}</p>}
          <ul className="item-list">
            {items.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  className="btn item-btn"
                  data-testid={`item-${item.code}`}
                  onClick={() => actions.openItem(item.code)}
                >
                  {local(item.name)}
                </button>
              </li>
            ))}
          </ul>
          {items.length === 0 && <p className="hint">{t('items.noResults')}</p>}
        </div>
        <LetterKeyboard
          // A new language starts on its own letters: Tibetan in Tibetan, Latin otherwise.
          key={language}
          initialLayout={language === 'bo' ? 'tibetan' : 'latin'}
          onLetter={actions.typeLetter}
          onDelete={actions.deleteLetter}
          onClear={actions.clearQuery}
        />
      </div>
    </section>
  );
}
