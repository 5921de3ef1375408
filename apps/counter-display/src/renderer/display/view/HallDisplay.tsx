import type { RecentCall } from '@hallq/shared/contracts';
import { useStore } from 'zustand';
import type { DisplayStore } from '../store/create-display-store';
import { callBoard, secondText, waitingRows } from '../store/slices/feed/selectors';
import { Bi } from './bilingual';
import { clockText } from './format';
import { useScreenFeed } from './use-screen-feed';

const HISTORY_SIZE = 6;

export function HallDisplay({ store }: { store: DisplayStore }) {
  const { hall, feed, now, connection, language, label } = useScreenFeed(store);
  const voiceBlocked = useStore(store, (s) => s.voiceBlocked);
  const noShows = useStore(store, (s) => s.noShows);

  const { latest, history } = callBoard(feed, HISTORY_SIZE, noShows);
  const clock = clockText(now, hall?.timeZone ?? 'Asia/Shanghai');
  const windowLabel = (call: RecentCall) => label('window', { window: call.window });

  return (
    <main className="hall-display">
      <header className="display-header">
        {hall && (
          <h1 className="hall-name">
            <Bi zh={hall.name.zh} second={secondText(hall.name, language)} language={language} />
          </h1>
        )}
        {connection !== 'connected' && (
          <p className="offline" data-testid="display-offline" data-state={connection}>
            {label(connection === 'unauthorized' ? 'rejectedKey' : 'offline').zh}
          </p>
        )}
        <div className="clock">
          <span className="time">{clock.time}</span>
          <span className="date">{clock.date}</span>
        </div>
      </header>

      <section
        className="latest"
        data-testid="display-latest"
        data-number={latest?.number}
        data-window={latest?.window}
      >
        <h2>
          <Bi {...label('nowCalling')} language={language} />
        </h2>
        {latest ? (
          <div className="latest-call" key={`${latest.number}@${latest.at}`}>
            <div className="latest-line">
              <span className="ticket-number">{latest.number}</span>
              <span className="arrow">→</span>
              <span className="window-number">{windowLabel(latest).zh}</span>
            </div>
            <Bi
              className="call-line"
              {...label('callLine', { number: latest.number, window: latest.window })}
              language={language}
            />
          </div>
        ) : (
          <p className="no-calls">{label('noCalls').zh}</p>
        )}
      </section>

      <section className="history" data-testid="display-history">
        <h2>
          <Bi {...label('recentCalls')} language={language} />
        </h2>
        <ol>
          {history.map((call) => (
            <li key={`${call.number}@${call.window}`} data-number={call.number} data-window={call.window}>
              <span className="ticket-number">{call.number}</span>
              <span className="arrow">→</span>
              <span className="window-number">{windowLabel(call).zh}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="waiting">
        <h2>
          <Bi {...label('waiting')} language={language} />
        </h2>
        <ul>
          {hall &&
            feed &&
            waitingRows(hall, feed.queues).map((row) => (
              <li
                key={row.code}
                className={row.open ? 'open' : 'not-taking'}
                data-testid={`display-waiting-${row.code}`}
                data-waiting={row.waiting}
              >
                <Bi
                  className="type-name"
                  zh={row.name.zh}
                  second={secondText(row.name, language)}
                  language={language}
                />
                <span className="count">
                  {row.open || row.waiting > 0 ? label('people', { count: row.waiting }).zh : label('notTaking').zh}
                </span>
              </li>
            ))}
        </ul>
      </section>

      <footer className="notice">
        <Bi {...label('welcome')} language={language} />
      </footer>

      {voiceBlocked && (
        <button className="voice-enable" data-testid="voice-enable" onClick={() => void store.getState().enableVoice()}>
          <Bi {...label('enableVoice')} language={language} />
        </button>
      )}
    </main>
  );
}
