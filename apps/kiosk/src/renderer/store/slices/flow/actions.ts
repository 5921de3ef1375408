import type { PriorityGroup } from '@hallq/shared/domain';
import type { CitizenLanguage } from '@hallq/shared/i18n';
import type { SliceCreator } from '../../types';
import { hasItemStep, priorityWindowTypes, windowTypeOf } from '../hall/selectors';
import { IDLE_MS } from './selectors';
import { type FlowState, initialFlowState, isAtRest, noChoice } from './state';

export interface FlowActions {
  /** Any touch on the screen: restarts the idle countdown. */
  touch(): void;
  setLanguage(language: CitizenLanguage): void;
  toggleElderly(): void;
  /** Back to the home screen mid-visit, keeping the citizen's language and elderly mode. */
  goHome(): void;
  /**
   * The visit is over (完成, a finished screen's own timeout, the idle reset): home in the hall's default language,
   * elderly mode off, nothing of the last citizen left. Their language was theirs, not the next citizen's.
   */
  resetSession(): void;
  back(): void;
  chooseWindowType(code: string): void;
  openItem(code: string): void;
  typeLetter(letter: string): void;
  deleteLetter(): void;
  clearQuery(): void;
  openPriority(): void;
  choosePriorityGroup(group: PriorityGroup): void;
  openAppointment(): void;
  /** The heartbeat (once a second): idle reset, automatic return home, guide polling, retries. */
  tick(): void;
}
export type FlowSlice = FlowState & FlowActions;

const MAX_QUERY = 20;

export const createFlowSlice: SliceCreator<FlowSlice> = (set, get, { now }) => {
  const home = () => {
    get().abandonTicket();
    set({
      screen: { name: 'home' },
      choice: noChoice,
      query: '',
      returnHomeAt: null,
      appointmentCode: '',
      pickupCode: '',
      cardHolder: null,
    });
  };

  return {
    ...initialFlowState(now()),

    touch() {
      const t = now();
      set({ lastTouchAt: t, now: t });
    },

    setLanguage(language) {
      set({ language });
    },

    toggleElderly() {
      set({ elderly: !get().elderly });
    },

    goHome: home,

    resetSession() {
      home();
      get().forgetGuide();
      set({ language: 'zh', elderly: false, lastTouchAt: now() });
    },

    back() {
      const { screen, choice } = get();
      switch (screen.name) {
        case 'item':
          set({ screen: { name: 'items' }, choice: { ...choice, serviceItem: null } });
          return;
        case 'items':
          if (choice.priority !== null) set({ screen: { name: 'priority-types' }, query: '' });
          else home();
          return;
        case 'priority-types':
          set({ screen: { name: 'priority' }, choice: noChoice });
          return;
        default:
          home();
      }
    },

    chooseWindowType(code) {
      const { hall, choice } = get();
      const type = hall ? windowTypeOf(hall, code) : undefined;
      if (!hall || !type) return;
      set({ choice: { ...choice, windowType: code, serviceItem: null }, query: '' });
      if (hasItemStep(hall, type)) set({ screen: { name: 'items' } });
      else void get().takeTicket();
    },

    openItem(code) {
      set({ choice: { ...get().choice, serviceItem: code }, screen: { name: 'item' } });
    },

    typeLetter(letter) {
      const query = get().query;
      if (query.length < MAX_QUERY) set({ query: query + letter.toLowerCase() });
    },

    deleteLetter() {
      set({ query: get().query.slice(0, -1) });
    },

    clearQuery() {
      set({ query: '' });
    },

    openPriority() {
      set({ screen: { name: 'priority' }, choice: noChoice });
    },

    choosePriorityGroup(group) {
      const hall = get().hall;
      if (!hall) return;
      const help = priorityWindowTypes(hall)[0];
      if (hall.priorityPath === 'help_and_proxy' && help) {
        // Straight to a ticket: the 帮办代办 type is the one that takes priority tickets, and its clerk helps with
        // whatever the citizen came for.
        set({ choice: { windowType: help.code, serviceItem: null, priority: group } });
        void get().takeTicket();
      } else {
        set({ choice: { ...noChoice, priority: group }, screen: { name: 'priority-types' } });
      }
    },

    openAppointment() {
      set({ screen: { name: 'appointment', notice: null }, appointmentCode: '' });
    },

    tick() {
      const t = now();
      set({ now: t });
      const state = get();
      if (state.hallStatus === 'failed' && t >= state.nextHallLoadAt) void state.loadHall();
      state.pollGuideIfDue();
      void state.flushVoids();
      // Never reset under a request in flight (its answer decides what the citizen must be told), nor while a
      // locker door is open for the applicant.
      if (state.screen.name === 'busy' || state.screen.name === 'pickup-door') return;
      if (state.returnHomeAt !== null && t >= state.returnHomeAt) state.resetSession();
      else if (t - state.lastTouchAt >= IDLE_MS && !isAtRest(state)) state.resetSession();
    },
  };
};
