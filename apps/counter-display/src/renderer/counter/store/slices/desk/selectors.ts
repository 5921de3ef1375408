import {
  type QueuePolicy,
  type ServiceItemConfig,
  type TransferRequest,
  type WindowActionResponse,
  type WindowTypeConfig,
} from '@hallq/shared/contracts';
import {
  Outcome,
  addWorkingDays,
  allowedWindowActions,
  type Ticket,
  type WindowActionBlock,
  type WindowState,
} from '@hallq/shared/domain';
import { TICKET_STATE_LABEL } from '@hallq/shared/i18n';
import type { CounterHall } from '../../../services/client';
import type { CounterState } from '../../types';
import { type DeskAction, type FinishDraft, type TransferDraft, DEFAULT_POLICY, emptyTransfer } from './state';

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
  /** The other post's clerk waiting for the current service to end; null when nobody waits. */
  incoming: WindowState['incoming'];
  /** The logged-in clerk is the one waiting: the window passes to them when the service at it ends. */
  waiting: boolean;
}

export function holder(state: CounterState): Holder | null {
  const window = myWindow(state);
  if (!window) return null;
  const me = state.session?.staff.id;
  return {
    clerk: window.clerk,
    post: window.post,
    mine: window.clerk === me,
    incoming: window.incoming,
    waiting: window.incoming?.clerk === me,
  };
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

const NO_TICKET: Partial<Record<DeskAction, string>> = {
  finish: `无${TICKET_STATE_LABEL.serving}的号`,
  transfer: '无当前号',
};

/** The domain's reason, in the few words a button has room for. */
function reasonWords(action: DeskAction, reason: WindowActionBlock): string {
  switch (reason.code) {
    case 'window_status':
      if (action === 'resume') return '窗口未暂停';
      if (action === 'pause') return '窗口未开放';
      return reason.status === 'paused' ? '暂停中' : '窗口已关闭';
    case 'ticket_in_play':
      return '先处理当前号';
    case 'no_ticket':
      return NO_TICKET[action] ?? `无${TICKET_STATE_LABEL.called}的号`;
    case 'not_enough_calls':
      return `再呼叫 ${reason.needed - reason.calls} 次后可过号`;
    case 'invalid_state':
      if (reason.ticket.state === 'serving') return '已在办理';
      return reason.ticket.state === 'called' ? '请先开始办理' : '无当前号';
    case 'wrong_window':
      return '该号不在本窗口';
    case 'other_day':
      return '不是今天的号';
  }
}

/** The hall's policy as far as the panel knows it: the transitions read only noShowAfterCalls of it. */
const policyOf = (state: CounterState): QueuePolicy => ({
  ...DEFAULT_POLICY,
  noShowAfterCalls: state.noShowAfterCalls,
});

/** Whether a button is live, by the same transitions the server runs (`allowedWindowActions`), and why not. */
export function availability(state: CounterState, action: DeskAction): Availability {
  const stop = blocked(state);
  if (stop) return stop;
  const check = allowedWindowActions(currentTicket(state), myWindow(state)!, policyOf(state))[action];
  return check.enabled ? yes : no(reasonWords(action, check.reason));
}

/** What the buttons depend on at the window: its status, the ticket in play and how far that ticket has got. */
function deskView(window: WindowState | null, ticket: Ticket | null): string {
  return JSON.stringify([window?.status, window?.currentTicket, ticket?.state, ticket?.calls]);
}

/** The window as the feed shows it now, to compare with an action's answer. */
export const feedView = (state: CounterState): string => deskView(myWindow(state), currentTicket(state));

/** The window as an action's answer left it. */
export const answerView = ({ window, ticket }: WindowActionResponse): string =>
  deskView(window, ticket !== null && ticket.id === window.currentTicket ? ticket : null);

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
    referTo: '',
    transfer: emptyTransfer,
    servedItems: ticket.serviceItem === null ? [] : [ticket.serviceItem],
  };
}

/**
 * The items a clerk may add as served at a window: those of the types it serves, in the hall's order. (The server
 * takes any item of the hall; the list keeps the choice to what this window does.)
 */
export function servedItemChoices(hall: CounterHall | null, window: number | undefined): ServiceItemConfig[] {
  const serves = hall?.windows.find((w) => w.number === window)?.serves ?? [];
  return (hall?.serviceItems ?? []).filter((s) => serves.includes(s.windowType));
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
      const referTo = draft.referTo.trim();
      outcome = { kind: 'rejected', reason, ...(referTo !== '' && { referTo }) };
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
