import { secondText } from '../../display/store/slices/feed/selectors';
import { Bi } from '../../display/view/bilingual';
import { useScreenFeed } from '../../display/view/use-screen-feed';
import type { WindowScreenStore } from '../store/create-window-store';
import { type WindowScreenStatus, windowScreen } from '../store/slices/screen/selectors';

const STATUS_KEY: Record<WindowScreenStatus, string> = {
  called: 'nowCalling',
  serving: 'windowScreen.serving',
  idle: 'windowScreen.idle',
  closed: 'windowScreen.closed',
  lunch: 'windowScreen.paused.lunch',
  meeting: 'windowScreen.paused.meeting',
  away: 'windowScreen.paused.away',
  other: 'windowScreen.paused.other',
};

export function WindowScreen({ store, window }: { store: WindowScreenStore; window: number }) {
  const { hall, feed, connection, language, label } = useScreenFeed(store);
  const screen = windowScreen(hall, feed, window);
  const name = screen.config?.name;
  const clerk = screen.clerk;

  return (
    <main
      className={`window-screen status-${screen.status ?? 'unknown'}`}
      data-testid="window-screen"
      data-window={window}
    >
      <section className="window-id">
        <span className="window-number">{window}</span>
        {name && (
          <h1 className="window-name">
            <Bi zh={name.zh} second={secondText(name, language)} language={language} />
          </h1>
        )}
        <p className="clerk" data-testid="window-clerk" data-staff-id={clerk?.staffId}>
          {clerk
            ? clerk.name
              ? label('windowScreen.clerkNamed', { name: clerk.name, staffId: clerk.staffId }).zh
              : label('windowScreen.clerk', { staffId: clerk.staffId }).zh
            : screen.status && screen.status !== 'closed'
              ? label('windowScreen.noClerk').zh
              : null}
        </p>
      </section>
      <section className="window-now">
        <p className="window-state" data-testid="window-state" data-state={screen.status ?? undefined}>
          {screen.status && <Bi {...label(STATUS_KEY[screen.status])} language={language} />}
        </p>
        <p className="window-serving" data-testid="window-serving" data-number={screen.ticket ?? undefined}>
          {screen.ticket}
        </p>
      </section>
      {connection !== 'connected' && (
        <p className="offline" data-testid="window-offline" data-state={connection}>
          {label(connection === 'unauthorized' ? 'rejectedKey' : 'offline').zh}
        </p>
      )}
    </main>
  );
}
