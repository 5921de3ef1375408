import type { LockerView } from '@hallq/shared/contracts';
import type { ReactNode } from 'react';
import { DEPOSIT_KEY } from '../shortcuts';
import { LOCKER_POLL_MS } from '../store/slices/locker/actions';
import {
  chosenLocker,
  closeDeadlineMs,
  depositAvailability,
  depositStatus,
  freeCounts,
  needsLockerPoll,
  SIZE_LABEL,
  SIZES,
  sizeNote,
} from '../store/slices/locker/selectors';
import type { DepositField } from '../store/slices/locker/state';
import type { CounterState } from '../store/types';
import { useActions } from './counter-context';
import { Modal } from './Dialogs';
import { formatDuration, maskName } from './format';

/** 存入取件柜, under the desk actions: only at a pickup window. */
export function DepositOpenButton(props: { state: CounterState }) {
  const { openDeposit } = useActions();
  const availability = depositAvailability(props.state);
  if (!availability) return null;
  return (
    <button
      type="button"
      className="action deposit-open"
      data-testid="deposit-open"
      disabled={!availability.enabled}
      onClick={openDeposit}
    >
      <span className="key">{DEPOSIT_KEY}</span>
      <span className="label">存入取件柜</span>
      {availability.reason && <span className="why">{availability.reason}</span>}
    </button>
  );
}

const freeText = (locker: LockerView) => {
  const free = freeCounts(locker);
  return `空闲 ${SIZES.map((s) => `${s} ${free[s]}`).join(' · ')}`;
};

export function DepositDialog(props: { state: CounterState }) {
  const { state } = props;
  const { closeDeposit, editDeposit, submitDeposit, loadLockers } = useActions();
  if (!state.depositOpen) return null;
  const { depositDraft: draft, depositProblems: problems, lockers, depositSending: sending, deposited } = state;
  const locker = chosenLocker(state);
  const status = depositStatus(state);
  const error = state.lockersError ?? state.depositError;
  const masked = maskName(draft.applicantName);
  const note = locker && draft.size ? sizeNote(locker, draft.size) : null;
  const closeMs = closeDeadlineMs(state);

  return (
    <Modal
      title="存入取件柜"
      testId="deposit-form"
      onSubmit={() => void submitDeposit()}
      onClose={closeDeposit}
      footer={<DepositFooter state={state} />}
    >
      {state.lockersStatus === 'loading' && <p className="muted">正在读取取件柜…</p>}
      {state.lockersStatus === 'loaded' && lockers.length === 0 && (
        <p className="form-error">本大厅没有配置自助取件柜。</p>
      )}
      {/* Sent or on its way: the form shows what was deposited and cannot be changed under it. */}
      <fieldset className="fields deposit-fields" disabled={sending || deposited !== null}>
        {lockers.length > 1 && (
          <label>
            取件柜
            <select
              data-testid="deposit-locker"
              value={draft.locker ?? ''}
              onChange={(e) => editDeposit({ locker: e.target.value })}
            >
              {lockers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}（{l.zone}）{freeText(l)}
                </option>
              ))}
            </select>
            <Problem field="locker" problem={problems.locker} />
          </label>
        )}
        {lockers.length === 1 && locker && (
          <p className="deposit-locker">
            <strong>{locker.name}</strong>（{locker.zone}）<span className="muted">{freeText(locker)}</span>
          </p>
        )}
        <Field label="办件编号" field="caseNumber" problem={problems.caseNumber}>
          <input
            data-testid="deposit-case"
            maxLength={64}
            autoComplete="off"
            value={draft.caseNumber}
            onChange={(e) => editDeposit({ caseNumber: e.target.value })}
            autoFocus
          />
        </Field>
        <Field label="材料/证照名称" field="description" problem={problems.description}>
          <input
            data-testid="deposit-description"
            maxLength={100}
            autoComplete="off"
            placeholder="如：营业执照"
            value={draft.description}
            onChange={(e) => editDeposit({ description: e.target.value })}
          />
        </Field>
        <Field label="申请人姓名" field="applicantName" problem={problems.applicantName}>
          <input
            data-testid="deposit-name"
            maxLength={20}
            autoComplete="off"
            value={draft.applicantName}
            onChange={(e) => editDeposit({ applicantName: e.target.value })}
          />
          <span className="muted" data-testid="deposit-name-masked">
            登记为：<strong>{masked || '—'}</strong>（完整姓名只在本页面，不上传）
          </span>
        </Field>
        <Field label="手机号码（接收取件码）" field="phone" problem={problems.phone}>
          <input
            data-testid="deposit-phone"
            type="tel"
            inputMode="numeric"
            maxLength={13}
            autoComplete="off"
            value={draft.phone}
            onChange={(e) => editDeposit({ phone: e.target.value })}
          />
        </Field>
        <span className="field-label">格口大小</span>
        <div className="segmented deposit-sizes" role="radiogroup" aria-label="格口大小">
          {SIZES.map((size) => {
            const free = locker ? freeCounts(locker)[size] : null;
            return (
              <button
                key={size}
                type="button"
                role="radio"
                aria-checked={draft.size === size}
                className={draft.size === size ? 'selected' : ''}
                data-testid={`deposit-size-${size}`}
                onClick={() => editDeposit({ size })}
              >
                {size} {SIZE_LABEL[size]}格
                {free !== null && <span className="free">{free > 0 ? `空闲 ${free}` : '已满'}</span>}
              </button>
            );
          })}
        </div>
        {note && <p className="deposit-note">{note}</p>}
        <Problem field="size" problem={problems.size} />
      </fieldset>

      {status && (
        <p
          className={`deposit-status ${status.state}`}
          role="status"
          data-testid="deposit-status"
          data-state={status.state}
          data-compartment={status.compartment}
        >
          {status.message}
        </p>
      )}
      {deposited?.compartment.fault?.detail && <p className="muted">柜机报告：{deposited.compartment.fault.detail}</p>}
      {closeMs !== null && <p className="muted">请在 {formatDuration(closeMs)} 内关好柜门，超时该格口将停用。</p>}
      {needsLockerPoll(state) && (
        <p className="muted">实时连接已断开，正在每 {LOCKER_POLL_MS / 1000} 秒查询一次柜门状态。</p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="deposit-error">
          {state.lockersError && '读取取件柜未成功：'}
          {error.message}
          {error.detail && <span className="detail">服务器：{error.detail}</span>}
        </p>
      )}
      {state.lockersStatus === 'failed' && (
        <button type="button" onClick={() => void loadLockers()}>
          重新读取
        </button>
      )}
    </Modal>
  );
}

/** A labelled input with its problem under it. Inputs say autoComplete="off": the browser keeps no names (PIPL). */
function Field(props: { label: string; field: DepositField; problem: string | undefined; children: ReactNode }) {
  return (
    <label>
      {props.label}
      {props.children}
      <Problem field={props.field} problem={props.problem} />
    </label>
  );
}

function Problem(props: { field: DepositField; problem: string | undefined }) {
  if (!props.problem) return null;
  return (
    <span className="field-error" role="alert" data-testid={`deposit-error-${props.field}`}>
      {props.problem}
    </span>
  );
}

function DepositFooter(props: { state: CounterState }) {
  const { state } = props;
  const { closeDeposit, depositAnother, retryDeposit } = useActions();
  const status = depositStatus(state);
  if (status?.state === 'occupied') {
    return (
      <>
        <button type="button" data-testid="deposit-again" onClick={depositAnother}>
          继续存入
        </button>
        <button type="button" className="primary" data-testid="deposit-done" onClick={closeDeposit} autoFocus>
          完成
        </button>
      </>
    );
  }
  if (status?.state === 'faulty') {
    return (
      <>
        <button type="button" data-testid="deposit-done" onClick={closeDeposit}>
          关闭
        </button>
        <button
          type="button"
          className="primary"
          data-testid="deposit-again"
          onClick={() => void retryDeposit()}
          autoFocus
        >
          换一个格口重试
        </button>
      </>
    );
  }
  if (status) {
    // The door is on its way: closing the form leaves the deposit running, only its progress is no longer shown.
    return (
      <button type="button" onClick={closeDeposit}>
        关闭（Esc）
      </button>
    );
  }
  const sending = state.depositSending;
  const ready = state.lockersStatus === 'loaded' && state.lockers.length > 0;
  const retry = state.depositUnconfirmed !== null && state.depositError !== null;
  return (
    <>
      <button type="button" onClick={closeDeposit} disabled={sending}>
        取消（Esc）
      </button>
      <button type="submit" className="primary" data-testid="deposit-submit" disabled={sending || !ready}>
        {sending ? '正在提交…' : retry ? '重试（Enter）' : '存入并开柜（Enter）'}
      </button>
    </>
  );
}
