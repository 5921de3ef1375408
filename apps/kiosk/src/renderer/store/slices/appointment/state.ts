import { APPOINTMENT_CODE_DIGITS } from '@hallq/shared/domain';

export interface AppointmentState {
  /** The code typed on the keypad. */
  appointmentCode: string;
}

export const initialAppointmentState: AppointmentState = { appointmentCode: '' };

export function appendDigit(code: string, digit: string): string {
  return /^\d$/.test(digit) && code.length < APPOINTMENT_CODE_DIGITS ? code + digit : code;
}
