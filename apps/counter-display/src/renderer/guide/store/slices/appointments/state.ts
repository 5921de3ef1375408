import type { AppointmentRecord, AppointmentsResponse, IssuedTicket } from '@hallq/shared/contracts';
import type { Failure } from '../../failure';

export type DayAppointment = AppointmentsResponse['appointments'][number];

/** A booking the guide makes for a caller (电话预约) or a citizen at the desk (现场预约). */
export interface BookingForm {
  windowType: string;
  serviceItem: string | null;
  /** The slot as the hall's clock reads it: YYYY-MM-DD and HH:MM. */
  day: string;
  time: string;
  /** Optional: lets the kiosk's card reader check them in. */
  idNumber: string;
}

export interface AppointmentsState {
  appointments: { list: DayAppointment[]; status: 'idle' | 'loading' | 'loaded' | 'failed' };
  booking: {
    requestId: string | null;
    sending: boolean;
    failure: Failure | null;
    /** The booking made, its code shown large to be read out to the caller. */
    booked: AppointmentRecord | null;
  };
  checkingIn: {
    /** The appointment being checked in, with the requestId kept after a lost answer. */
    code: string | null;
    requestId: string | null;
    sending: boolean;
    failure: Failure | null;
    /** Its ticket, shown large like one the desk issued. */
    issued: IssuedTicket | null;
  };
}

export const initialAppointmentsState: AppointmentsState = {
  appointments: { list: [], status: 'idle' },
  booking: { requestId: null, sending: false, failure: null, booked: null },
  checkingIn: { code: null, requestId: null, sending: false, failure: null, issued: null },
};
