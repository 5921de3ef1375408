import type { ManagerStore } from '../store/types';
import { Floor } from './Floor';
import { FollowUps } from './FollowUps';
import { LoginForm } from './LoginForm';
import { ManagerContext, useActions, useManager } from './manager-context';

export function ManagerApp({ store }: { store: ManagerStore }) {
  return (
    <ManagerContext.Provider value={store}>
      <Console />
    </ManagerContext.Provider>
  );
}

function Console() {
  const session = useManager((s) => s.session);
  const hallName = useManager((s) => s.hall?.name.zh);
  const connection = useManager((s) => s.connection);
  const { endSession } = useActions();
  if (!session) return <LoginForm />;
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
      <main className="mgr-main">
        <Floor />
        <FollowUps />
      </main>
    </div>
  );
}
