import { WINDOW_STATUS_LABEL } from '@hallq/shared/i18n';
import { useEffect } from 'react';
import { ChangeOwnPassword } from '../../common/ChangeOwnPassword';
import { actionForKey, DEPOSIT_KEY, SHORTCUTS } from '../shortcuts';
import { currentTicket, holder, myWindow, serviceTimer } from '../store/slices/desk/selectors';
import { PAUSE_REASONS } from '../store/slices/desk/state';
import { alerts, queueRows } from '../store/slices/feed/selectors';
import { noticeOffer } from '../store/slices/notices/selectors';
import { NoticeDialog } from '../notice/NoticeDialog';
import { NoticeList } from '../notice/NoticeList';
import { ActionBar } from './ActionBar';
import { AlertList, QueueList, SummaryCard } from './SidePanels';
import { CurrentTicket } from './CurrentTicket';
import { DepositDialog, DepositOpenButton } from './DepositDialog';
import { DialogHost } from './Dialogs';
import { useActions, useCounter } from './counter-context';
import { clockTime } from './format';

export function Panel() {
  // The whole panel follows the clock (the timer) anyway, so it reads the state once and derives the rest.
  const state = useCounter((s) => s);
  const { press, logout, handOver, openDeposit, changeOwnPassword } = useActions();
  const window = myWindow(state);
  const paused = window?.status === 'paused';
  // While a form is open its fields take the typing, and the function keys do nothing (but still never reach the
  // browser): a clerk's stray F5 in the deposit form must neither finish a ticket nor reload the page.
  const dialogOpen = state.dialog !== null || state.depositOpen || noticeOffer(state) !== null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Function keys belong to the panel, never to the browser (F5 must not reload in front of a citizen).
      if (Object.hasOwn(SHORTCUTS, e.key) || e.key === DEPOSIT_KEY) e.preventDefault();
      if (dialogOpen || e.repeat) return;
      if (e.key === DEPOSIT_KEY) openDeposit();
      const action = actionForKey(e.key, paused);
      if (action) press(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [press, openDeposit, paused, dialogOpen]);

  const session = state.session!;
  const hall = state.hall;
  const config = hall?.windows.find((w) => w.number === session.window);
  const who = holder(state);
  const online = state.connection === 'connected' && state.feed !== null && !state.resyncing;
  const rows = queueRows(state);
  const pauseLabel = PAUSE_REASONS.find((r) => r.reason === window?.pauseReason)?.label;

  return (
    <div className="counter" data-testid="panel">
      <header className="bar">
        <div className="bar-window">
          <h1>{config?.name.zh ?? `${session.window}号窗口`}</h1>
          {config && <span className="muted">{config.zone}</span>}
        </div>
        <div className="bar-clerk" data-testid="window-holder">
          {session.staff.name}（{session.staff.id}）
          {who?.mine && who.post && <span className="post">{who.post}岗</span>}
        </div>
        {window && (
          <span className={`status-pill ${window.status}`} data-testid="window-status">
            {WINDOW_STATUS_LABEL[window.status]}
            {paused && pauseLabel ? `（${pauseLabel}）` : ''}
          </span>
        )}
        <span className={online ? 'link-state online' : 'link-state offline'}>{online ? '● 在线' : '● 离线'}</span>
        <span className="bar-clock">{hall ? clockTime(state.now, hall.timeZone) : ''}</span>
        <ChangeOwnPassword page="counter" className="logout" change={changeOwnPassword} />
        <button
          type="button"
          className="logout"
          data-testid="logout"
          onClick={() => void logout()}
          disabled={state.logoutStatus === 'sending'}
        >
          退出登录
        </button>
      </header>

      {!online && (
        <div className="banner offline" role="alert" data-testid="offline-banner">
          {state.connection === 'connecting' && !state.feed
            ? '正在连接服务器…'
            : '与服务器的连接已断开，正在重连。在恢复之前无法确认操作，按钮已停用；恢复后自动同步，无需刷新。'}
        </div>
      )}
      {who && !who.mine && who.waiting && (
        <div className="banner takeover" role="status" data-testid="incoming-banner">
          {who.clerk}
          {who.post ? `（${who.post}岗）` : ''}正在办理当前业务，办结后本窗口自动交给您。如 {who.clerk}{' '}
          已离开，请退出后勾选“立即接岗”重新登录。
        </div>
      )}
      {who && !who.mine && !who.waiting && (
        <div className="banner takeover" role="status" data-testid="takeover-banner">
          本窗口现由 {who.clerk ?? '无人'}
          {who.post ? `（${who.post}岗）` : ''}值守，您的操作已停用。如需接回，请退出后重新登录。
        </div>
      )}
      {who?.mine && who.incoming && (
        <div className="banner takeover" role="status" data-testid="handover-banner">
          {who.incoming.clerk}（{who.incoming.post}
          岗）已到岗：办结当前业务后，本窗口交由其值守；也可现在连同当前群众一并移交。
          <button
            type="button"
            className="banner-action"
            data-testid="hand-over"
            onClick={() => void handOver()}
            disabled={state.handOverStatus === 'sending' || !online}
          >
            立即移交
          </button>
        </div>
      )}
      {state.handOverError && (
        <div className="banner error" role="alert" data-testid="hand-over-error">
          无法移交：{state.handOverError.message}
        </div>
      )}
      {state.logoutError && (
        <div className="banner error" role="alert">
          无法退出：{state.logoutError.message}
        </div>
      )}

      <main className="counter-main">
        <section className="work">
          <CurrentTicket ticket={currentTicket(state)} hall={hall} timer={serviceTimer(state)} now={state.now} />
          <ActionBar state={state} waiting={rows.reduce((sum, r) => sum + r.waiting, 0)} />
          <DepositOpenButton state={state} />
        </section>
        <aside className="side">
          <AlertList alerts={alerts(state)} state={state} />
          <QueueList rows={rows} window={session.window} />
          <SummaryCard summary={state.summary} status={state.summaryStatus} />
          <NoticeList state={state} />
        </aside>
      </main>
      <DialogHost state={state} />
      <DepositDialog state={state} />
      <NoticeDialog state={state} />
    </div>
  );
}
