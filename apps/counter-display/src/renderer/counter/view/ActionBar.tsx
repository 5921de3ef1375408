import { SHORTCUT_OF } from '../shortcuts';
import { availability, myWindow } from '../store/slices/desk/selectors';
import type { DeskAction } from '../store/slices/desk/state';
import type { CounterState } from '../store/types';
import { useActions } from './counter-context';

const LABEL: Record<DeskAction, string> = {
  callNext: '呼叫下一位',
  recall: '重呼',
  noShow: '过号',
  start: '开始办理',
  finish: '办结',
  transfer: '转交',
  pause: '暂停服务',
  resume: '恢复服务',
};

const BUSY_LABEL: Partial<Record<DeskAction, string>> = {
  callNext: '正在呼叫…',
  recall: '正在重呼…',
  finish: '正在提交…',
  transfer: '正在转交…',
};

export function ActionBar(props: { state: CounterState; waiting: number }) {
  const { state, waiting } = props;
  const { press, dismissError } = useActions();
  const paused = myWindow(state)?.status === 'paused';
  const actions: DeskAction[] = [
    'callNext',
    'recall',
    'noShow',
    'start',
    'finish',
    'transfer',
    paused ? 'resume' : 'pause',
  ];

  return (
    <div className="actions">
      <div className="action-grid">
        {actions.map((action) => {
          const { enabled, reason } = availability(state, action);
          const busy = state.busy === action;
          return (
            <button
              key={action}
              type="button"
              className={`action action-${action}${busy ? ' busy' : ''}`}
              data-testid={`action-${action}`}
              disabled={!enabled}
              aria-busy={busy}
              onClick={() => press(action)}
            >
              <span className="key">{SHORTCUT_OF[action]}</span>
              <span className="label">{busy ? (BUSY_LABEL[action] ?? '处理中…') : LABEL[action]}</span>
              {!enabled && reason && !busy && <span className="why">{reason}</span>}
              {enabled && action === 'callNext' && <span className="why">共 {waiting} 人等候</span>}
            </button>
          );
        })}
      </div>
      {state.error && !state.dialog && (
        <div className="action-error" role="alert" data-testid="action-error">
          <div>
            <strong>{LABEL[state.error.action]}未成功：</strong>
            {state.error.message}
            {state.error.detail && <div className="detail">服务器：{state.error.detail}</div>}
          </div>
          <button type="button" onClick={dismissError} aria-label="关闭提示">
            ×
          </button>
        </div>
      )}
      {state.notice && !state.error && (
        <div className="action-notice" role="status" data-testid="action-notice">
          {state.notice}
          <button type="button" onClick={dismissError} aria-label="关闭提示">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
