export interface AppointmentState {
  /** The code typed on the keypad. */
  appointmentCode: string;
}

export const initialAppointmentState: AppointmentState = { appointmentCode: '' };

/** The server books six-digit codes (hall-service createAppointment). */
export const APPOINTMENT_CODE_LENGTH = 6;

export function appendDigit(code: string, digit: string): string {
  return /^\d$/.test(digit) && code.length < APPOINTMENT_CODE_LENGTH ? code + digit : code;
}
