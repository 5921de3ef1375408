import type { SliceCreator } from '../../types';
import { APPOINTMENT_CODE_DIGITS } from '@hallq/shared/domain';
import { type AppointmentState, appendDigit, initialAppointmentState } from './state';

export interface AppointmentActions {
  pressDigit(digit: string): void;
  deleteDigit(): void;
  submitAppointmentCode(): Promise<void>;
}
export type AppointmentSlice = AppointmentState & AppointmentActions;

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
});
