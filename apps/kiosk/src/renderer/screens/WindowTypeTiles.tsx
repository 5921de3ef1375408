import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { homeTiles, liveQueues } from '../store/slices/hall/selectors';
import { closedText } from '../view/format';
import { useLocalized, useTimeContext } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';

/** One tile per window type: name, people waiting, the wait or why it is closed (a closed type stays visible). */
export function WindowTypeTiles() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const queues = useKiosk(liveQueues);
  const { chooseWindowType } = useActions();
  const local = useLocalized();
  const ctx = useTimeContext();
  if (!hall) return null;

  const tiles = homeTiles(hall, queues);
  // Rows of the grid in each orientation (see .tiles): the tiles' text is sized to the height each row gets.
  const wide = tiles.filter(({ type }) => type.kind === 'comprehensive').length;
  const rows = {
    '--rows-portrait': Math.max(1, Math.ceil((3 * wide + 2 * (tiles.length - wide)) / 6)),
    '--rows-landscape': Math.max(1, Math.ceil((5 * wide + 2 * (tiles.length - wide)) / 10)),
  } as CSSProperties;

  return (
    <div className="tiles" style={rows}>
      {tiles.map(({ type, queue, open }) => {
        let status: string;
        if (!queue) status = t('home.noInfo');
        else if (queue.closed) status = closedText(t, queue.closed, ctx);
        else if (queue.estimatedWaitMinutes === null) status = t('home.noWindow');
        else if (queue.estimatedWaitMinutes === 0) status = t('home.waitNone');
        else status = t('home.waitMinutes', { minutes: queue.estimatedWaitMinutes });
        const wide = type.kind === 'comprehensive';
        return (
          <button
            type="button"
            key={type.code}
            className={`tile${wide ? ' wide' : ''}${open ? '' : ' closed'}`}
            data-testid={`tile-${type.code}`}
            disabled={!open}
            onClick={() => chooseWindowType(type.code)}
          >
            <span className="tile-name">{local(type.name)}</span>
            {queue && (
              <span className="tile-waiting">
                <span className="tile-letter" aria-hidden="true">
                  {type.prefix}
                </span>
                {t('home.waiting', { count: queue.waiting })}
                {type.perPersonDailyCap !== undefined && <ByCardMark />}
              </span>
            )}
            <span className="tile-status">{status}</span>
          </button>
        );
      })}
    </div>
  );
}

/**
 * 刷证取号: the type is taken with the ID card. A card drawn small on the count's line, where a word would push the line
 * out of a narrow tile in Tibetan or English; the word itself is for screen readers and the card screen.
 */
function ByCardMark() {
  const { t } = useTranslation('kiosk');
  return (
    <span className="tile-card" data-testid="by-card">
      <svg viewBox="0 0 29 20" aria-hidden="true">
        <rect x="1" y="1" width="27" height="18" rx="3" />
        <circle cx="9" cy="8.5" r="3" />
        <path d="M4.5 16c.8-2.6 2.5-4 4.5-4s3.7 1.4 4.5 4M17 7h7M17 11h7M17 15h5" />
      </svg>
      <span className="sr-only">{t('home.byCard')}</span>
    </span>
  );
}
