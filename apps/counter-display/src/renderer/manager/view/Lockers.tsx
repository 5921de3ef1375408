import type { CompartmentView, LockerView } from '@hallq/shared/contracts';
import { useEffect, useState } from 'react';
import {
  type AttentionItem,
  canResolve,
  canRetrieve,
  COMPARTMENT_STATE_LABEL,
  DOOR_PURPOSE_LABEL,
  FAULT_REASON_LABEL,
  feedLockers,
  keypadStatus,
  lockerSummary,
  needsAttention,
  SIZE_LABEL,
} from '../store/slices/lockers/selectors';
import type { Handover, LockerAction } from '../store/slices/lockers/state';
import { useActions, useHallTime, useManager } from './manager-context';

/** The element id of a compartment's card, for the attention list to scroll to. */
const cardId = (locker: string, number: string) => `compartment-card-${locker}-${number}`;

/** Re-renders every half minute: a keypad lockout runs out without any event. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** 取件柜: every locker's keypad and compartments, live, with what needs the manager's hand first. */
export function Lockers() {
  const lockers = useManager(feedLockers);
  const live = useManager((s) => s.feed !== null);
  const notice = useManager((s) => s.lockerNotice);
  const action = useManager((s) => s.lockerAction);
  const { refreshFloor, dismissLockerNotice } = useActions();
  const now = useNow();
  const attention = needsAttention(lockers);

  return (
    <section className="mgr-lockers" data-testid="lockers">
      <div className="mgr-section-head">
        <h2>取件柜</h2>
        <button type="button" onClick={refreshFloor}>
          刷新
        </button>
      </div>
      {!live && <p className="mgr-notice">正在加载取件柜…</p>}
      {live && lockers.length === 0 && <p className="mgr-notice">本大厅没有配置取件柜</p>}
      {notice && (
        <div className="mgr-locker-notice" role="status" data-testid="locker-notice">
          {notice}
          <button type="button" onClick={dismissLockerNotice}>
            知道了
          </button>
        </div>
      )}
      {attention.length > 0 && <Attention items={attention} />}
      {lockers.map((locker) => (
        <LockerSection key={locker.id} locker={locker} now={now} busy={action?.sending ?? false} />
      ))}
      {action && <ActionDialog action={action} />}
    </section>
  );
}

function Attention({ items }: { items: AttentionItem[] }) {
  const { dateTime } = useHallTime();
  return (
    <div className="mgr-attention" data-testid="locker-attention">
      <h3>需要处理（{items.length}）</h3>
      <ul>
        {items.map(({ locker, compartment: c }) => (
          <li key={`${locker.id}/${c.number}`} className={c.state === 'faulty' ? 'faulty' : 'overdue'}>
            <strong>
              {locker.name} {c.number}号格口
            </strong>
            <span>
              {c.fault
                ? `故障：${FAULT_REASON_LABEL[c.fault.reason]}（${dateTime(c.fault.at)}）`
                : `逾期未取：${c.item?.storedAt ? `${dateTime(c.item.storedAt)} 存入` : COMPARTMENT_STATE_LABEL[c.state]}`}
            </span>
            {c.item && (
              <span>
                {c.item.caseNumber} · {c.item.description} · {c.item.applicantName}
              </span>
            )}
            <button
              type="button"
              onClick={() => document.getElementById(cardId(locker.id, c.number))?.scrollIntoView({ block: 'center' })}
            >
              查看
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LockerSection({ locker, now, busy }: { locker: LockerView; now: Date; busy: boolean }) {
  const { time } = useHallTime();
  const summary = lockerSummary(locker);
  const keypad = keypadStatus(locker.keypad, now);
  return (
    <article className="mgr-locker" data-testid={`locker-${locker.id}`}>
      <header>
        <strong>{locker.name}</strong>
        <span>{locker.zone}</span>
        <span className={`mgr-keypad ${keypad.kind}`}>
          {keypad.kind === 'locked'
            ? `键盘已锁定至 ${time(keypad.until)}（取件码输错次数过多）`
            : keypad.kind === 'wrong'
              ? `取件码已连续输错 ${keypad.count} 次`
              : '键盘正常'}
        </span>
      </header>
      <p className="mgr-locker-summary">
        空闲：{summary.free.map((f) => `${SIZE_LABEL[f.size]} ${f.count}`).join(' · ')}
        <span>待取件 {summary.occupied}</span>
        <span className={summary.overdue > 0 ? 'alert' : undefined}>逾期 {summary.overdue}</span>
        <span className={summary.faulty > 0 ? 'alert' : undefined}>故障 {summary.faulty}</span>
      </p>
      <div className="mgr-compartments">
        {locker.compartments.map((c) => (
          <CompartmentCard key={c.number} locker={locker.id} compartment={c} busy={busy} />
        ))}
      </div>
    </article>
  );
}

function CompartmentCard({
  locker,
  compartment: c,
  busy,
}: {
  locker: string;
  compartment: CompartmentView;
  busy: boolean;
}) {
  const { beginLockerAction } = useActions();
  const { dateTime } = useHallTime();
  return (
    <div
      id={cardId(locker, c.number)}
      className={`mgr-compartment ${c.state}${c.overdue ? ' overdue' : ''}`}
      data-testid={`compartment-${c.number}`}
      data-state={c.state}
      data-overdue={String(c.overdue)}
    >
      <div className="mgr-compartment-head">
        <strong>{c.number}号</strong>
        <span>{SIZE_LABEL[c.size]}</span>
        {c.overdue && <span className="mgr-badge">逾期</span>}
      </div>
      <div className="mgr-compartment-state">{COMPARTMENT_STATE_LABEL[c.state]}</div>
      {c.fault && (
        <div className="mgr-fault">
          <strong>{FAULT_REASON_LABEL[c.fault.reason]}</strong>（{DOOR_PURPOSE_LABEL[c.fault.during]}时）
          {c.fault.detail && <div>{c.fault.detail}</div>}
          <div>{dateTime(c.fault.at)}</div>
        </div>
      )}
      {c.item && (
        <dl className="mgr-item">
          <dt>办件编号</dt>
          <dd>{c.item.caseNumber}</dd>
          <dt>物品</dt>
          <dd>{c.item.description}</dd>
          <dt>申请人</dt>
          <dd>{c.item.applicantName}</dd>
          <dt>存入时间</dt>
          <dd>{c.item.storedAt ? dateTime(c.item.storedAt) : '尚未确认存入'}</dd>
          <dt>登记人</dt>
          <dd>{c.item.registeredBy.replace(/^staff:/, '工号 ')}</dd>
        </dl>
      )}
      {(canRetrieve(c) || canResolve(c)) && (
        <div className="mgr-compartment-actions">
          {canRetrieve(c) && (
            <button
              type="button"
              data-testid={`compartment-retrieve-${c.number}`}
              disabled={busy}
              onClick={() => beginLockerAction(locker, c.number, 'retrieve')}
            >
              取出
            </button>
          )}
          {canResolve(c) && (
            <button
              type="button"
              data-testid={`compartment-resolve-${c.number}`}
              disabled={busy}
              onClick={() => beginLockerAction(locker, c.number, 'resolve')}
            >
              排除故障
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The confirmation step: where the item goes, what will happen at the locker, then one request. */
function ActionDialog({ action }: { action: LockerAction }) {
  const locker = useManager((s) => feedLockers(s).find((l) => l.id === action.locker));
  const { chooseHandover, cancelLockerAction, confirmLockerAction } = useActions();
  const c = locker?.compartments.find((x) => x.number === action.number);
  const retrieve = action.kind === 'retrieve';
  const fixed = action.sending || action.unanswered;
  const handover = (value: Handover, label: string) => (
    <button
      type="button"
      data-testid={`handover-${value}`}
      className={action.handover === value ? 'chosen' : undefined}
      aria-pressed={action.handover === value}
      disabled={fixed}
      onClick={() => chooseHandover(value)}
    >
      {label}
    </button>
  );

  return (
    <div className="mgr-dialog-backdrop">
      <div className="mgr-dialog" role="dialog" aria-modal="true" aria-labelledby="locker-action-title">
        <h3 id="locker-action-title">
          {retrieve ? '取出物品' : '排除故障'}：{locker?.name ?? action.locker} {action.number}号格口
        </h3>
        {c && <p>当前状态：{COMPARTMENT_STATE_LABEL[c.state]}</p>}
        {c?.item && (
          <p>
            {c.item.caseNumber} · {c.item.description} · {c.item.applicantName}
          </p>
        )}
        <p className="mgr-dialog-warning">
          {retrieve
            ? '确认后柜门将打开：请取出物品，然后关好柜门。取件人的取件码随即失效。'
            : '请确认您已到柜前手工处理了此格口（如用钥匙开门、修复柜门）。确认后格口恢复使用。'}
        </p>
        <p>{retrieve ? '取出后的物品去向：' : '登记的物品去向：'}</p>
        <div className="mgr-handover">
          {handover('window', '交窗口')}
          {handover('post', '邮寄')}
        </div>
        {action.error && (
          <p className="mgr-error" role="alert">
            {action.error}
          </p>
        )}
        <div className="mgr-dialog-actions">
          <button type="button" className="secondary" disabled={action.sending} onClick={cancelLockerAction}>
            取消
          </button>
          <button
            type="button"
            data-testid="confirm-action"
            disabled={action.sending || action.handover === null}
            onClick={() => void confirmLockerAction()}
          >
            {action.sending ? '正在发送…' : action.unanswered ? '重试' : retrieve ? '确认开门' : '确认已排除'}
          </button>
        </div>
      </div>
    </div>
  );
}
