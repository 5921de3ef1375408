import type { Outcome } from '@hallq/shared/domain';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import type { CounterHall } from '../services/client';
import { currentTicket, serviceItemOf } from '../store/slices/desk/selectors';
import { type FinishDraft, PAUSE_REASONS, type TransferDraft } from '../store/slices/desk/state';
import type { CounterState } from '../store/types';
import { useActions } from './counter-context';
import { ServedItems } from './ServedItems';

export function DialogHost(props: { state: CounterState }) {
  const { dialog } = props.state;
  if (!dialog) return null;
  switch (dialog.name) {
    case 'finish':
      return <FinishDialog state={props.state} draft={dialog.draft} problem={dialog.problem} />;
    case 'transfer':
      return <TransferDialog state={props.state} draft={dialog.draft} problem={dialog.problem} />;
    case 'pause':
      return <PauseDialog state={props.state} />;
  }
}

/**
 * Whether Enter on `target` is the form's Enter: on a choice the clerk clicked (an outcome, a transfer target, a
 * size, a tick box), which the click left focused and which would otherwise take the key as another click, or with
 * nothing focused. Fields submit the form by themselves; other buttons and text areas keep their own Enter.
 */
function confirmsOnEnter(target: EventTarget | null): boolean {
  if (!(target instanceof Element) || target === document.body) return true;
  return target.matches('[role="radio"], [aria-pressed], input[type="checkbox"], input[type="radio"]');
}

/**
 * A form over the panel; Esc closes it (the desk's dialog unless `onClose` says otherwise), Enter confirms it, as its
 * confirm button says, wherever the focus is but in a text area or on another button.
 */
export function Modal(props: {
  title: string;
  testId: string;
  onSubmit?: () => void;
  onClose?: () => void;
  children: ReactNode;
  footer: ReactNode;
}) {
  const { closeDialog } = useActions();
  const close = props.onClose ?? closeDialog;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
      // Enter while an input method is composing picks the characters; it confirms nothing.
      if (e.key !== 'Enter' || e.isComposing || e.repeat || !confirmsOnEnter(e.target)) return;
      const confirm = form.current?.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!confirm) return;
      e.preventDefault();
      // As a press of the confirm button: not while it is disabled (busy, offline), and the fields are checked first.
      if (!confirm.disabled) form.current!.requestSubmit(confirm);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit?.();
  };
  return (
    <div className="modal-backdrop">
      <form
        ref={form}
        className="modal"
        role="dialog"
        aria-label={props.title}
        data-testid={props.testId}
        onSubmit={submit}
      >
        <h2>{props.title}</h2>
        <div className="modal-body">{props.children}</div>
        <div className="modal-footer">{props.footer}</div>
      </form>
    </div>
  );
}

function Problems(props: { state: CounterState; problem: string | null }) {
  const { error } = props.state;
  return (
    <>
      {props.problem && (
        <p className="form-error" role="alert">
          {props.problem}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="dialog-error">
          {error.message}
          {error.detail && <span className="detail">服务器：{error.detail}</span>}
        </p>
      )}
    </>
  );
}

function Footer(props: { state: CounterState; confirmId: string; confirmLabel: string }) {
  const { closeDialog } = useActions();
  const busy = props.state.busy !== null;
  const offline = props.state.connection !== 'connected';
  return (
    <>
      <button type="button" onClick={closeDialog} disabled={busy}>
        取消（Esc）
      </button>
      {/* Focused on opening, so F5 then Enter finishes a plain 办结 without the mouse. */}
      <button type="submit" className="primary" data-testid={props.confirmId} disabled={busy || offline} autoFocus>
        {busy ? '正在提交…' : offline ? '离线，无法提交' : props.confirmLabel}
      </button>
    </>
  );
}

const OUTCOMES: { kind: Outcome['kind']; label: string }[] = [
  { kind: 'completed', label: '办结' },
  { kind: 'accepted', label: '受理' },
  { kind: 'incomplete', label: '一次性告知' },
  { kind: 'rejected', label: '不予受理' },
  { kind: 'transferred', label: '转交' },
];

function FinishDialog(props: { state: CounterState; draft: FinishDraft; problem: string | null }) {
  const { state, draft } = props;
  const { editFinish, confirmFinish } = useActions();
  const ticket = currentTicket(state);
  const item = serviceItemOf(state.hall, ticket?.serviceItem ?? null);
  const materials = item?.materials.map((m) => m.zh) ?? [];
  const toggle = (name: string) =>
    editFinish({
      materials: draft.materials.includes(name)
        ? draft.materials.filter((m) => m !== name)
        : [...draft.materials, name],
    });

  return (
    <Modal
      title={`办结 ${ticket?.number ?? ''}${item ? ` · ${item.name.zh}` : ''}`}
      testId="finish-dialog"
      onSubmit={() => void confirmFinish()}
      footer={<Footer state={state} confirmId="finish-confirm" confirmLabel="确认（Enter）" />}
    >
      <div className="segmented" role="radiogroup" aria-label="办理结果">
        {OUTCOMES.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={draft.kind === kind}
            className={draft.kind === kind ? 'selected' : ''}
            data-testid={`finish-outcome-${kind}`}
            onClick={() => editFinish({ kind })}
          >
            {label}
          </button>
        ))}
      </div>

      {draft.kind !== 'transferred' && <ServedItems state={state} draft={draft} />}

      {draft.kind === 'completed' && <p className="muted">当场办结（即办件）。</p>}

      {draft.kind === 'accepted' && (
        <div className="fields">
          <label>
            承诺办结日期
            <input
              type="date"
              data-testid="finish-promised-date"
              value={draft.promisedDate}
              onChange={(e) => editFinish({ promisedDate: e.target.value })}
              required
            />
          </label>
          <p className="muted">
            {item
              ? `按事项承诺时限 ${item.promisedWorkingDays} 个工作日自动计算，可修改。`
              : '未选事项：请填写承诺日期。'}
          </p>
          <label>
            受理编号（可选）
            <input
              data-testid="finish-case-number"
              value={draft.caseNumber}
              onChange={(e) => editFinish({ caseNumber: e.target.value })}
            />
          </label>
        </div>
      )}

      {draft.kind === 'incomplete' && (
        <div className="fields">
          {materials.length > 0 ? (
            <fieldset className="materials">
              <legend>缺少的材料（一次性告知）</legend>
              {materials.map((name, i) => (
                <label key={name} className="check">
                  <input
                    type="checkbox"
                    data-testid={`finish-material-${i}`}
                    checked={draft.materials.includes(name)}
                    onChange={() => toggle(name)}
                  />
                  {name}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="muted">未选事项：请在下面写明缺少的材料。</p>
          )}
          <label>
            其他缺少的材料（每行一项）
            <textarea
              data-testid="finish-other-materials"
              rows={3}
              value={draft.otherMaterials}
              onChange={(e) => editFinish({ otherMaterials: e.target.value })}
            />
          </label>
        </div>
      )}

      {draft.kind === 'rejected' && (
        <div className="fields">
          <label>
            不予受理的理由（将书面告知申请人）
            <textarea
              data-testid="finish-reject-reason"
              rows={3}
              value={draft.reason}
              onChange={(e) => editFinish({ reason: e.target.value })}
            />
          </label>
          <label>
            建议向何处申请（可选，写入通知书）
            <input
              data-testid="finish-refer-to"
              value={draft.referTo}
              maxLength={200}
              onChange={(e) => editFinish({ referTo: e.target.value })}
            />
          </label>
        </div>
      )}

      {draft.kind === 'transferred' && (
        <TransferPicker hall={state.hall} window={state.session?.window} draft={draft.transfer} />
      )}

      <Problems state={state} problem={props.problem} />
    </Modal>
  );
}

function TransferDialog(props: { state: CounterState; draft: TransferDraft; problem: string | null }) {
  const { state } = props;
  const { confirmTransfer } = useActions();
  const ticket = currentTicket(state);
  return (
    <Modal
      title={`转交 ${ticket?.number ?? ''}`}
      testId="transfer-dialog"
      onSubmit={() => void confirmTransfer()}
      footer={<Footer state={state} confirmId="transfer-confirm" confirmLabel="确认转交（Enter）" />}
    >
      <TransferPicker hall={state.hall} window={state.session?.window} draft={props.draft} />
      <Problems state={state} problem={props.problem} />
    </Modal>
  );
}

/** Where to hand the ticket: a window type, or one window (choosing one clears the other). */
function TransferPicker(props: { hall: CounterHall | null; window: number | undefined; draft: TransferDraft }) {
  const { editTransfer } = useActions();
  const { hall, draft } = props;
  return (
    <div className="fields">
      <span className="field-label">转交到窗口类型</span>
      <div className="type-grid">
        {hall?.windowTypes.map((t) => (
          <button
            key={t.code}
            type="button"
            className={draft.toWindowType === t.code ? 'selected' : ''}
            aria-pressed={draft.toWindowType === t.code}
            data-testid={`transfer-type-${t.code}`}
            onClick={() => editTransfer({ toWindowType: t.code, toWindow: null })}
          >
            {t.name.zh}
          </button>
        ))}
      </div>
      <label>
        或指定窗口
        <select
          data-testid="transfer-window"
          value={draft.toWindow ?? ''}
          onChange={(e) =>
            editTransfer(
              e.target.value === '' ? { toWindow: null } : { toWindow: Number(e.target.value), toWindowType: null },
            )
          }
        >
          <option value="">不指定</option>
          {hall?.windows
            .filter((w) => w.number !== props.window)
            .map((w) => (
              <option key={w.number} value={w.number}>
                {w.name.zh}（
                {w.serves.map((code) => hall.windowTypes.find((t) => t.code === code)?.name.zh ?? code).join('、')}）
              </option>
            ))}
        </select>
      </label>
      <label>
        转交说明（可选，接收窗口可见）
        <input
          data-testid="transfer-note"
          value={draft.note}
          maxLength={500}
          onChange={(e) => editTransfer({ note: e.target.value })}
        />
      </label>
    </div>
  );
}

function PauseDialog(props: { state: CounterState }) {
  const { pause, closeDialog } = useActions();
  const busy = props.state.busy !== null;
  return (
    <Modal
      title="暂停服务"
      testId="pause-dialog"
      footer={
        <button type="button" onClick={closeDialog} disabled={busy}>
          取消（Esc）
        </button>
      }
    >
      <div className="pause-grid">
        {PAUSE_REASONS.map(({ reason, label }) => (
          <button
            key={reason}
            type="button"
            className="primary"
            data-testid={`pause-reason-${reason}`}
            disabled={busy || props.state.connection !== 'connected'}
            onClick={() => void pause(reason)}
          >
            {label}
          </button>
        ))}
      </div>
      <Problems state={props.state} problem={null} />
    </Modal>
  );
}
