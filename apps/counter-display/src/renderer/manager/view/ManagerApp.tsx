import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { feedLockers, needsAttention } from '../store/slices/lockers/selectors';
import { departmentName, ownDepartment } from '../store/slices/scope/selectors';
import { mayEditSettings } from '../store/slices/settings/selectors';
import type { ManagerStore } from '../store/types';
import { Archive } from './Archive';
import { Bulletin } from './Bulletin';
import { DepartmentFilter } from './DepartmentFilter';
import { Floor } from './Floor';
import { FollowUps } from './FollowUps';
import { Lockers } from './Lockers';
import { LoginForm, OwnPasswordButton } from './LoginForm';
import { ManagerContext, t, useActions, useManager, useScope } from './manager-context';
import { Outbox } from './Outbox';
import { Settings } from './settings/Settings';
import { st } from './settings/settings-context';

// ECharts is most of the 统计 page's weight: loaded when the page is first opened, not with the floor view.
const Statistics = lazy(() => import('./Statistics').then((m) => ({ default: m.Statistics })));

type Page = 'floor' | 'archive' | 'lockers' | 'outbox' | 'statistics' | 'bulletin' | 'settings';

/** The lockers and the notice outbox are the hall office's: the server refuses them to a chief representative. */
const MANAGER_PAGES: readonly Page[] = ['floor', 'archive', 'lockers', 'outbox', 'statistics', 'bulletin', 'settings'];
const CHIEF_PAGES: readonly Page[] = ['floor', 'archive', 'statistics', 'bulletin'];

export function ManagerApp({ store }: { store: ManagerStore }) {
  return (
    <ManagerContext.Provider value={store}>
      <Console />
    </ManagerContext.Provider>
  );
}

function useTitle(): string {
  const role = useManager((s) => s.session?.staff.role);
  const own = useManager(ownDepartment);
  const hall = useManager((s) => s.hall);
  const title =
    role === 'chief_representative'
      ? own === null
        ? t('title.chief')
        : t('title.chiefOf', { department: departmentName(hall, own) })
      : t('title.manager');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return title;
}

function Console() {
  const [chosen, setPage] = useState<Page>('floor');
  const title = useTitle();
  const session = useManager((s) => s.session);
  const hallName = useManager((s) => s.hall?.name.zh);
  const connection = useManager((s) => s.connection);
  // Shown on the tab, so a fault or an overdue item is seen from the floor view too.
  const attention = useManager((s) => needsAttention(feedLockers(s)).length);
  const editsSettings = useManager(mayEditSettings);
  const { endSession, loadSettings } = useActions();
  const chiefToken = session?.staff.role === 'chief_representative' ? session.token : null;
  // Whether the hall lets chief representatives edit their department's settings: the server's answer tells.
  useEffect(() => {
    if (chiefToken) void loadSettings();
  }, [chiefToken, loadSettings]);
  if (!session) return <LoginForm />;
  const manager = session.staff.role === 'manager';
  const pages = manager ? MANAGER_PAGES : editsSettings ? [...CHIEF_PAGES, 'settings' as const] : CHIEF_PAGES;
  // The tab outlives a logout: a chief representative logging in after the manager starts where they may be.
  const page = pages.includes(chosen) ? chosen : 'floor';
  const tab = (target: Page, badge = 0) => (
    <button
      key={target}
      type="button"
      data-testid={`nav-${target}`}
      className={page === target ? 'current' : undefined}
      aria-current={page === target ? 'page' : undefined}
      onClick={() => setPage(target)}
    >
      {target === 'settings' ? st('tab') : t(`nav.${target}`)}
      {badge > 0 && <span className="mgr-nav-badge">{badge}</span>}
    </button>
  );
  return (
    <div className="mgr">
      <header className="mgr-header">
        <h1 data-testid="console-title">{title}</h1>
        <span>{hallName}</span>
        {connection === 'disconnected' && <span className="mgr-offline">{t('header.offline')}</span>}
        <span className="mgr-user">
          {t('person.named', { name: session.staff.name, id: session.staff.id })}
          <OwnPasswordButton />
          <button type="button" data-testid="manager-logout" onClick={() => endSession()}>
            {t('header.logout')}
          </button>
        </span>
      </header>
      <nav className="mgr-nav">
        {pages.map((p) => tab(p, p === 'lockers' ? attention : 0))}
        {manager && (page === 'floor' || page === 'archive' || page === 'statistics') && <DepartmentFilter />}
      </nav>
      {page === 'floor' && (
        <Scoped className="mgr-main">
          <Floor />
          <FollowUps />
        </Scoped>
      )}
      {page === 'archive' && (
        <Scoped className="mgr-page">
          <Archive />
        </Scoped>
      )}
      {page === 'statistics' && (
        <Scoped className="mgr-page">
          <Suspense fallback={<p className="mgr-notice">{t('statistics.loading')}</p>}>
            <Statistics />
          </Suspense>
        </Scoped>
      )}
      {page === 'bulletin' && (
        <main className="mgr-page">
          <Bulletin />
        </main>
      )}
      {page === 'lockers' && (
        <main className="mgr-page">
          <Lockers />
        </main>
      )}
      {page === 'settings' && (
        <main className="mgr-page">
          <Settings />
        </main>
      )}
      {page === 'outbox' && (
        <main className="mgr-page">
          <Outbox />
        </main>
      )}
    </div>
  );
}

/** A department's pages, once the console knows which department is the session's. */
function Scoped({ className, children }: { className: string; children: ReactNode }) {
  const scope = useScope();
  const failed = useManager((s) => s.directoryStatus === 'failed');
  if (scope.kind === 'pending') {
    return (
      <main className="mgr-page">
        <p className={failed ? 'mgr-error' : 'mgr-notice'}>{t(failed ? 'department.failed' : 'department.pending')}</p>
      </main>
    );
  }
  return <main className={className}>{children}</main>;
}
