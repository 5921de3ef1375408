import type { SliceCreator } from '../../types';
import { APPOINTMENT_CODE_DIGITS } from '@hallq/shared/domain';
import { type AppointmentState, appendDigit, initialAppointmentState } from './state';

export interface AppointmentActions {
  pressDigit(digit: string): void;
  deleteDigit(): void;
  submitAppointmentCode(): Promise<void>;
  /** Check in with the ID card on the reader (only where the kiosk has one). */
  checkInWithIdCard(): Promise<void>;
}
export type AppointmentSlice = AppointmentState & AppointmentActions;

/** How long the reader waits for a card to be placed. */
export const CARD_WAIT_MS = 20_000;

export const createAppointmentSlice: SliceCreator<AppointmentSlice> = (set, get, services) => ({
  ...initialAppointmentState,

  pressDigit(digit) {
    set({ appointmentCode: appendDigit(get().appointmentCode, digit) });
  },

  deleteDigit() {
    set({ appointmentCode: get().appointmentCode.slice(0, -1) });
  },

  async submitAppointmentCode() {
    const code = get().appointmentCode;
    if (code.length !== APPOINTMENT_CODE_DIGITS) return;
    await get().issue({ requestId: services.newRequestId(), appointmentCode: code }, 'appointment_code');
  },

  async checkInWithIdCard() {
    const { bridge, hasIdCardReader } = services;
    if (!bridge || !hasIdCardReader || get().screen.name === 'busy') return;
    set({ screen: { name: 'busy', task: 'reading_card' } });
    let idNumber: string | null = null;
    try {
      idNumber = (await bridge.readIdCard(CARD_WAIT_MS))?.idNumber ?? null;
    } catch {
      idNumber = null;
    }
    if (idNumber === null) {
      set({ screen: { name: 'appointment', notice: 'no_card' } });
      return;
    }
    // The number goes to the server only; it is never kept in the store.
    set({ screen: { name: 'appointment', notice: null } });
    await get().issue({ requestId: services.newRequestId(), appointmentIdNumber: idNumber }, 'id_card');
  },
});
