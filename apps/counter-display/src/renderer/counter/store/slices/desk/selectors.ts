import { type ServiceItemConfig, type TransferRequest, type WindowTypeConfig } from '@hallq/shared/contracts';
import { Outcome, addWorkingDays, type Ticket, type WindowState } from '@hallq/shared/domain';
import type { CounterHall } from '../../../services/api';
import type { CounterState } from '../../types';
import { type DeskAction, type FinishDraft, type TransferDraft, emptyTransfer } from './state';

export function myWindow(state: CounterState): WindowState | null {
  const number = state.session?.window;
  return state.feed?.windows.find((w) => w.number === number) ?? null;
}

export function currentTicket(state: CounterState): Ticket | null {
  const id = myWindow(state)?.currentTicket;
  if (!id) return null;
  return state.feed?.tickets.find((t) => t.id === id) ?? null;
}

export function windowTypeOf(hall: CounterHall | null, code: string): WindowTypeConfig | undefined {
  return hall?.windowTypes.find((t) => t.code === code);
}

export function serviceItemOf(hall: CounterHall | null, code: string | null): ServiceItemConfig | undefined {
  return code === null ? undefined : hall?.serviceItems.find((s) => s.code === code);
}

export interface Holder {
  clerk: string | null;
  post: WindowState['post'];
  /** The logged-in clerk holds the window now (false after the other post took it over). */
  mine: boolean;
}

export function holder(state: CounterState): Holder | null {
  const window = myWindow(state);
  if (!window) return null;
  return { clerk: window.clerk, post: window.post, mine: window.clerk === state.session?.staff.id };
}

export interface Availability {
  enabled: boolean;
  /** Why not, in a few words for the button. */
  reason: string | null;
}

const yes: Availability = { enabled: true, reason: null };
const no = (reason: string): Availability => ({ enabled: false, reason });

/** Whether the panel can act at all: only while it sees the server's state live, and with nothing in flight. */
function blocked(state: CounterState): Availability | null {
  if (state.connection !== 'connected' || !state.feed || state.resyncing) return no('离线');
  if (state.busy) return no('处理中');
  const window = myWindow(state);
  if (!window) return no('离线');
  if (window.clerk !== state.session?.staff.id) return no(`已由 ${window.clerk ?? '他人'} 值守`);
  return null;
}

export function availability(state: CounterState, action: DeskAction): Availability {
  const stop = blocked(state);
  if (stop) return stop;
  const window = myWindow(state)!;
  const ticket = currentTicket(state);
  switch (action) {
    case 'call-next':
      if (window.status === 'paused') return no('暂停中');
      if (window.status === 'closed') return no('窗口已关闭');
      return ticket ? no('先处理当前号') : yes;
    case 'recall':
    case 'start':
      return ticket?.state === 'called' ? yes : no(ticket ? '已在办理' : '无呼叫中的号');
    case 'no-show': {
      if (ticket?.state !== 'called') return no(ticket ? '已在办理' : '无呼叫中的号');
      const more = state.noShowAfterCalls - ticket.calls;
      return more > 0 ? no(`再呼叫 ${more} 次后可过号`) : yes;
    }
    case 'finish':
      return ticket?.state === 'serving' ? yes : no(ticket ? '请先开始办理' : '无办理中的号');
    case 'transfer':
      return ticket?.state === 'called' || ticket?.state === 'serving' ? yes : no('无当前号');
    case 'pause':
      if (window.status !== 'open') return no('窗口未开放');
      return ticket ? no('先处理当前号') : yes;
    case 'resume':
      return window.status === 'paused' ? yes : no('窗口未暂停');
  }
}

export interface ServiceTimer {
  elapsedMs: number;
  targetMinutes: number;
  /** ok; over: past the type's target (amber); far_over: half as long again (red). */
  level: 'ok' | 'over' | 'far_over';
}

export function serviceTimer(state: CounterState): ServiceTimer | null {
  const ticket = currentTicket(state);
  if (ticket?.state !== 'serving' || !ticket.startedAt) return null;
  const type = windowTypeOf(state.hall, ticket.windowType);
  if (!type) return null;
  const targetMinutes = type.targetServiceMinutes ?? type.defaultServiceMinutes;
  const elapsedMs = Math.max(0, state.now - Date.parse(ticket.startedAt));
  const target = targetMinutes * 60_000;
  return {
    elapsedMs,
    targetMinutes,
    level: elapsedMs >= target * 1.5 ? 'far_over' : elapsedMs >= target ? 'over' : 'ok',
  };
}

/**
 * The finish form as it opens: 受理 with the promised date for a 承办件 (its promised working days after today, by the
 * hall calendar), 办结 otherwise.
 */
export function initialFinishDraft(hall: CounterHall, hallDay: string, ticket: Ticket): FinishDraft {
  const item = serviceItemOf(hall, ticket.serviceItem);
  const promised = item?.kind === 'promised';
  return {
    kind: promised ? 'accepted' : 'completed',
    promisedDate: item ? addWorkingDays(hallDay, item.promisedWorkingDays, hall.calendar) : '',
    caseNumber: '',
    materials: [],
    otherMaterials: '',
    reason: '',
    transfer: emptyTransfer,
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function transferFromDraft(
  draft: TransferDraft,
): Checked<Pick<TransferRequest, 'toWindowType' | 'toWindow' | 'note'>> {
  if (draft.toWindowType === null && draft.toWindow === null) {
    return { ok: false, problem: '请选择转交到哪类窗口或哪个窗口' };
  }
  const note = draft.note.trim();
  return {
    ok: true,
    value: {
      ...(draft.toWindowType !== null && { toWindowType: draft.toWindowType }),
      ...(draft.toWindow !== null && { toWindow: draft.toWindow }),
      ...(note !== '' && { note }),
    },
  };
}

/** The outcome the finish form describes, or what is still missing from it. */
export function outcomeFromDraft(draft: FinishDraft, hallDay: string): Checked<Outcome> {
  let outcome: unknown;
  switch (draft.kind) {
    case 'completed':
      outcome = { kind: 'completed' };
      break;
    case 'accepted': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.promisedDate)) return { ok: false, problem: '请填写承诺办结日期' };
      if (draft.promisedDate < hallDay) return { ok: false, problem: '承诺办结日期不能早于今天' };
      const caseNumber = draft.caseNumber.trim();
      outcome = { kind: 'accepted', promisedDate: draft.promisedDate, ...(caseNumber !== '' && { caseNumber }) };
      break;
    }
    case 'incomplete': {
      const others = draft.otherMaterials
        .split(/[\n;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const missingMaterials = [...draft.materials, ...others];
      if (missingMaterials.length === 0) return { ok: false, problem: '请勾选或填写缺少的材料' };
      outcome = { kind: 'incomplete', missingMaterials };
      break;
    }
    case 'rejected': {
      const reason = draft.reason.trim();
      if (reason === '') return { ok: false, problem: '请填写不予受理的理由' };
      outcome = { kind: 'rejected', reason };
      break;
    }
    case 'transferred': {
      const target = transferFromDraft(draft.transfer);
      if (!target.ok) return target;
      outcome = { kind: 'transferred', ...target.value };
      break;
    }
  }
  const parsed = Outcome.safeParse(outcome);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: '填写的内容有误' };
}
