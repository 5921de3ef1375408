import { CompartmentSize, type CompartmentView, type DepositRequest, type LockerView } from '@hallq/shared/contracts';
import { type CompartmentState } from '@hallq/shared/domain';
import { maskName } from '../../../view/format';
import type { CounterState } from '../../types';
import { holder, windowTypeOf } from '../desk/selectors';
import type { Availability } from '../desk/selectors';
import { type DepositDraft, type DepositField, isSettled } from './state';

export const SIZES = CompartmentSize.options;

export const SIZE_LABEL: Record<CompartmentSize, string> = { S: '小', M: '中', L: '大' };

export const FIELD_LABEL: Record<DepositField, string> = {
  locker: '取件柜',
  caseNumber: '办件编号',
  description: '材料/证照名称',
  applicantName: '申请人姓名',
  phone: '手机号码',
  size: '格口大小',
};

/** Whether this window hands out results (a window type of kind pickup, 综合出件): only there may the clerk deposit. */
export function isPickupWindow(state: CounterState): boolean {
  const config = state.hall?.windows.find((w) => w.number === state.session?.window);
  return config?.serves.some((code) => windowTypeOf(state.hall, code)?.kind === 'pickup') ?? false;
}

/** A faulty compartment of a locker the pickup window looks after. */
export interface LockerFault {
  locker: LockerView;
  compartment: CompartmentView;
}

/**
 * The lockers' faulty compartments, for the pickup window's alerts: an applicant whose door did not open is sent
 * to this window, and the clerk should know before they arrive. The feed holds the lockers, live, for every staff
 * screen; only a pickup window raises their faults.
 */
export function lockerFaults(state: CounterState): LockerFault[] {
  if (!isPickupWindow(state)) return [];
  return (state.feed?.lockers ?? []).flatMap((locker) =>
    locker.compartments.filter((c) => c.state === 'faulty').map((compartment) => ({ locker, compartment })),
  );
}

/**
 * 存入取件柜: null where the panel does not offer it at all. The server lets only the clerk holding a pickup window
 * deposit, so it is off once the other post has taken the window over.
 */
export function depositAvailability(state: CounterState): Availability | null {
  if (!isPickupWindow(state)) return null;
  const who = holder(state);
  if (who && !who.mine) return { enabled: false, reason: `已由 ${who.clerk ?? '他人'} 值守` };
  return { enabled: true, reason: null };
}

export function freeCounts(locker: LockerView): Record<CompartmentSize, number> {
  const counts: Record<CompartmentSize, number> = { S: 0, M: 0, L: 0 };
  for (const c of locker.compartments) if (c.state === 'free') counts[c.size] += 1;
  return counts;
}

export function chosenLocker(state: CounterState): LockerView | null {
  return state.lockers.find((l) => l.id === state.depositDraft.locker) ?? null;
}

/** The locker a pickup window deposits into unless the clerk picks another: the one in its own zone, or the first. */
export function defaultLocker(state: CounterState, lockers: LockerView[]): string | null {
  const zone = state.hall?.windows.find((w) => w.number === state.session?.window)?.zone;
  return (lockers.find((l) => l.zone === zone) ?? lockers[0])?.id ?? null;
}

const sizesFrom = (size: CompartmentSize) => SIZES.slice(SIZES.indexOf(size));

/** 「M 号及以上」: the sizes the server may use for a request of `size`. */
export const sizeRange = (size: CompartmentSize) => (size === 'L' ? 'L 号' : `${size} 号及以上`);

/** What the form says about a size with none free: the server uses a larger one, when there is one. */
export function sizeNote(locker: LockerView, size: CompartmentSize): string | null {
  const free = freeCounts(locker);
  if (free[size] > 0) return null;
  if (sizesFrom(size).some((s) => free[s] > 0)) return `${size} 号格口已满，将改用更大的空闲格口`;
  return `没有空闲的 ${sizeRange(size)}格口，暂时无法存入`;
}

type DepositBody = Omit<DepositRequest, 'requestId'>;

type Checked =
  { ok: true; locker: string; body: DepositBody } | { ok: false; problems: Partial<Record<DepositField, string>> };

/** A mobile number as typed, without the spaces and dashes people group it with. */
const phoneDigits = (phone: string) => phone.replace(/[\s-]/g, '');

/** The request the form describes, or what is wrong with each field. The name leaves here masked, never in full. */
export function depositFromDraft(draft: DepositDraft): Checked {
  const problems: Partial<Record<DepositField, string>> = {};
  const caseNumber = draft.caseNumber.trim();
  const description = draft.description.trim();
  const name = draft.applicantName.trim();
  const phone = phoneDigits(draft.phone);
  if (draft.locker === null) problems.locker = '请选择取件柜';
  if (caseNumber === '') problems.caseNumber = '请填写办件编号';
  if (description === '') problems.description = '请填写材料或证照名称';
  if (name === '') problems.applicantName = '请填写申请人姓名';
  else if (maskName(name) === '') problems.applicantName = '姓名应以文字开头，请填写申请人的真实姓名';
  if (phone === '') problems.phone = '请填写申请人的手机号码，取件码将发送到该号码';
  else if (!/^1\d{10}$/.test(phone)) problems.phone = '手机号码应为 1 开头的 11 位数字';
  if (draft.size === null) problems.size = '请选择格口大小';
  if (draft.locker === null || draft.size === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    locker: draft.locker,
    body: { caseNumber, description, applicantName: maskName(name), phone, size: draft.size },
  };
}

export interface DepositStatus {
  state: CompartmentState;
  compartment: string;
  message: string;
  /** The item is in, or the door failed: the form offers what comes next. */
  settled: boolean;
}

function statusMessage(c: CompartmentView, door: string, maskedPhone: string): string {
  switch (c.state) {
    case 'opening':
      return `正在打开 ${door}…`;
    case 'awaiting_close':
      return `${door}已打开，请放入材料并关好柜门`;
    case 'occupied':
      return `已存入 ${door}，取件码已发送至 ${maskedPhone}`;
    case 'faulty':
      return c.fault?.reason === 'close_timeout'
        ? `${door}柜门未关闭，该格口已停用，材料已登记在该格口，请通知管理员处理；如材料仍在您手中，可换一个格口重试`
        : `${door}柜门未能打开，该格口已停用，材料仍在您手中，请换一个格口重试`;
    default:
      return `${door}：${c.state}`;
  }
}

/** What the clerk reads about the deposit's compartment as it moves. */
export function depositStatus(state: CounterState): DepositStatus | null {
  const deposited = state.deposited;
  if (!deposited) return null;
  const c = deposited.compartment;
  // Several lockers: say which one, so the clerk walks to the right door.
  const lockerName =
    state.lockers.length > 1 ? `${state.lockers.find((l) => l.id === c.locker)?.name ?? c.locker} ` : '';
  return {
    state: c.state,
    compartment: c.number,
    message: statusMessage(c, `${lockerName}${c.number} 号格口`, deposited.maskedPhone),
    settled: isSettled(c.state),
  };
}

/** Milliseconds left to close the door before the compartment is taken out of use, while it stands open. */
export function closeDeadlineMs(state: CounterState): number | null {
  const c = state.deposited?.compartment;
  if (c?.state !== 'awaiting_close' || !c.command) return null;
  return Math.max(0, Date.parse(c.command.deadline) - state.now);
}

/** Polling stands in for the feed's locker events while a deposit is on its way and the feed is down. */
export function needsLockerPoll(state: CounterState): boolean {
  return state.deposited !== null && !isSettled(state.deposited.compartment.state) && state.connection !== 'connected';
}
