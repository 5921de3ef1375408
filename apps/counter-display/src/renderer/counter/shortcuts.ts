import type { DeskAction } from './store/slices/desk/state';

/** The function keys of a counter PC, printed on the buttons. F7 toggles pause and resume. */
export const SHORTCUTS: Record<string, DeskAction> = {
  F1: 'callNext',
  F2: 'recall',
  F3: 'noShow',
  F4: 'start',
  F5: 'finish',
  F6: 'transfer',
  F7: 'pause',
};

export const SHORTCUT_OF: Record<DeskAction, string> = {
  callNext: 'F1',
  recall: 'F2',
  noShow: 'F3',
  start: 'F4',
  finish: 'F5',
  transfer: 'F6',
  pause: 'F7',
  resume: 'F7',
};

/** Opens 「存入取件柜」 at a pickup window: the first key the desk actions leave free. */
export const DEPOSIT_KEY = 'F8';

/** The action a key asks for, or null; `paused` turns F7 into resume. */
export function actionForKey(key: string, paused: boolean): DeskAction | null {
  const action = SHORTCUTS[key];
  if (!action) return null;
  return action === 'pause' && paused ? 'resume' : action;
}
