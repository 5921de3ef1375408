import type { ErrorCode } from '@hallq/shared/contracts';
import type { PriorityGroup } from '@hallq/shared/domain';
import type { CitizenLanguage } from '@hallq/shared/i18n';
import type { PrinterState, PrintFailure } from '../../../../bridge/kiosk-bridge';
import type { CardFailure } from '../card/state';
import type { PickupNotice, PickupStaffReason } from '../pickup/state';

/** How the citizen came to the ticket: it decides what a refusal screen offers. */
export type Via = 'walk_in' | 'appointment_code' | 'id_card';

export type Screen =
  | { name: 'home' }
  | { name: 'items' }
  | { name: 'item' }
  | { name: 'priority' }
  | { name: 'priority-types' }
  | { name: 'appointment'; notice: CardFailure | null }
  /** 刷证取号 found no card to take the chosen type with: why, and the way on (try again, the guide desk). */
  | { name: 'card'; notice: CardFailure }
  | { name: 'busy'; task: 'issuing' | 'printing' | 'cancelling' | 'reading_card' | 'checking_code' }
  | { name: 'printer-not-ready'; printer: PrinterState | 'error' }
  | { name: 'ticket' }
  | { name: 'print-failed'; reason: PrintFailure }
  | { name: 'refused'; code: ErrorCode; opensAt: string | null; via: Via }
  | { name: 'network-error'; retry: 'issue' | 'cancel' }
  | { name: 'cancelled'; number: string }
  /** 自助取件: the keypad for the pickup code (the scanner works here and on the home screen). */
  | { name: 'pickup'; notice: PickupNotice | null }
  | { name: 'pickup-door'; compartment: string; stage: 'pending' | 'open' }
  | { name: 'pickup-done'; compartment: string }
  | { name: 'pickup-locked'; until: string }
  | { name: 'pickup-staff'; reason: PickupStaffReason; compartment: string | null };

export type ScreenName = Screen['name'];

/** What the citizen has chosen so far. */
export interface Choice {
  windowType: string | null;
  serviceItem: string | null;
  priority: PriorityGroup | null;
}

export const noChoice: Choice = { windowType: null, serviceItem: null, priority: null };

export interface FlowState {
  screen: Screen;
  language: CitizenLanguage;
  elderly: boolean;
  choice: Choice;
  /** The item search, typed on the on-screen keyboard. */
  query: string;
  lastTouchAt: number;
  /** The heartbeat's clock, so countdowns re-render. */
  now: number;
  /** After a finished visit (ticket taken, number cancelled) the screen goes home by itself at this time. */
  returnHomeAt: number | null;
}

export const initialFlowState = (now: number): FlowState => ({
  screen: { name: 'home' },
  language: 'zh',
  elderly: false,
  choice: noChoice,
  query: '',
  lastTouchAt: now,
  now,
  returnHomeAt: null,
});

/** Nothing personal is on screen and the next citizen sees the default home screen. */
export function isAtRest(state: Pick<FlowState, 'screen' | 'language' | 'elderly' | 'query'>): boolean {
  return state.screen.name === 'home' && state.language === 'zh' && !state.elderly && state.query === '';
}
