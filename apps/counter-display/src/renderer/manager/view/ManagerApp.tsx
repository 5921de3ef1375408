import { useState } from 'react';
import { feedLockers, needsAttention } from '../store/slices/lockers/selectors';
import type { ManagerStore } from '../store/types';
import { Floor } from './Floor';
import { FollowUps } from './FollowUps';
import { Lockers } from './Lockers';
import { LoginForm } from './LoginForm';
import { ManagerContext, useActions, useManager } from './manager-context';
import { Outbox } from './Outbox';

type Page = 'floor' | 'lockers' | 'outbox';

export function ManagerApp({ store }: { store: ManagerStore }) {
  return (
    <ManagerContext.Provider value={store}>
      <Console />
    </ManagerContext.Provider>
  );
}

function Console() {
  const [page, setPage] = useState<Page>('floor');
  const session = useManager((s) => s.session);
  const hallName = useManager((s) => s.hall?.name.zh);
  const connection = useManager((s) => s.connection);
  // Shown on the tab, so a fault or an overdue item is seen from the floor view too.
  const attention = useManager((s) => needsAttention(feedLockers(s)).length);
  const { endSession } = useActions();
  if (!session) return <LoginForm />;
  const tab = (target: Page, label: string, badge = 0) => (
    <button
      type="button"
      data-testid={`nav-${target}`}
      className={page === target ? 'current' : undefined}
      aria-current={page === target ? 'page' : undefined}
      onClick={() => setPage(target)}
    >
      {label}
      {badge > 0 && <span className="mgr-nav-badge">{badge}</span>}
    </button>
  );
  return (
    <div className="mgr">
      <header className="mgr-header">
        <h1>管理端</h1>
        <span>{hallName}</span>
        {connection === 'disconnected' && <span className="mgr-offline">实时连接中断，正在重连…</span>}
        <span className="mgr-user">
          {session.staff.name}（{session.staff.id}）
          <button type="button" data-testid="manager-logout" onClick={() => endSession()}>
            退出
          </button>
        </span>
      </header>
      <nav className="mgr-nav">
        {tab('floor', '大厅与回访')}
        {tab('lockers', '取件柜', attention)}
        {tab('outbox', '通知发件箱')}
      </nav>
      {page === 'floor' && (
        <main className="mgr-main">
          <Floor />
          <FollowUps />
        </main>
      )}
      {page === 'lockers' && (
        <main className="mgr-page">
          <Lockers />
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
