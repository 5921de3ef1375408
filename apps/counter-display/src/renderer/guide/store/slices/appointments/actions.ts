import { zonedDateTime } from '@hallq/shared/domain';
import { failureOf, isRefusal } from '../../failure';
import type { SliceCreator } from '../../types';
import { type AppointmentsState, type BookingForm, initialAppointmentsState } from './state';

export interface AppointmentsActions {
  /** Today's appointments (not in the snapshot: fetched on each snapshot, and on 刷新). */
  loadAppointments(): Promise<void>;
  bookAppointment(form: BookingForm): Promise<void>;
  clearBooking(): void;
  /** 签到取号: the appointment's ticket, issued at the desk as the kiosk would on its code. */
  checkIn(code: string): Promise<void>;
  clearCheckIn(): void;
  /** From the feed: an appointment became a ticket (here, at a kiosk, or at another desk). */
  appointmentCheckedIn(code: string, ticketNumber: string): void;
}
export type AppointmentsSlice = AppointmentsState & AppointmentsActions;

const SLOT_DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLOT_TIME = /^\d{2}:\d{2}$/;

export const createAppointmentsSlice: SliceCreator<AppointmentsSlice> = (set, get, { client, newRequestId }) => {
  let loads = 0;
  /** The form the kept requestId was sent with: a changed form is another booking and needs a new one. */
  let sentFor = '';
  const expired = (error: unknown) => isRefusal(error) && error.code === 'unauthorized';

  return {
    ...initialAppointmentsState,

    async loadAppointments() {
      const session = get().session;
      if (!session) return;
      const mine = ++loads;
      set({ appointments: { ...get().appointments, status: 'loading' } });
      try {
        const { appointments } = await client.call('appointments', { token: session.token });
        const bySlot = [...appointments].sort((a, b) => a.slotStart.localeCompare(b.slotStart));
        if (mine === loads) set({ appointments: { list: bySlot, status: 'loaded' } });
      } catch (error) {
        if (expired(error)) return get().endSession('expired');
        if (mine === loads) set({ appointments: { ...get().appointments, status: 'failed' } });
      }
    },

    async bookAppointment(form) {
      const { hall, session, booking } = get();
      if (!hall || !session || booking.sending) return;
      if (!SLOT_DAY.test(form.day) || !SLOT_TIME.test(form.time)) {
        const failure = { code: 'validation_failed' as const, fields: ['slotStart'], detail: null, opensAt: null };
        set({ booking: { ...initialAppointmentsState.booking, failure } });
        return;
      }
      const fingerprint = JSON.stringify(form);
      const requestId = (fingerprint === sentFor && booking.requestId) || newRequestId();
      sentFor = fingerprint;
      set({ booking: { requestId, sending: true, failure: null, booked: null } });
      try {
        const idNumber = form.idNumber.trim().toUpperCase();
        const booked = await client.call('createAppointment', {
          token: session.token,
          body: {
            requestId,
            windowType: form.windowType,
            ...(form.serviceItem !== null && { serviceItem: form.serviceItem }),
            slotStart: zonedDateTime(form.day, form.time, hall.timeZone).toISOString(),
            ...(idNumber !== '' && { idNumber }),
          },
        });
        set({ booking: { ...initialAppointmentsState.booking, booked } });
        // No event tells of a booking: today's list takes it from the answer (another day's is not on it).
        const { feed, appointments } = get();
        if (booked.hallDay === feed?.hallDay && !appointments.list.some((a) => a.code === booked.code)) {
          const list = [...appointments.list, { ...booked, byIdCard: idNumber !== '' }];
          set({ appointments: { ...appointments, list: list.sort((a, b) => a.slotStart.localeCompare(b.slotStart)) } });
        }
      } catch (error) {
        if (expired(error)) return get().endSession('expired');
        const failure = failureOf(error);
        set({ booking: { requestId: isRefusal(error) ? null : requestId, sending: false, failure, booked: null } });
      }
    },

    clearBooking() {
      set({ booking: initialAppointmentsState.booking });
    },

    async checkIn(code) {
      const { session, checkingIn } = get();
      if (!session || checkingIn.sending) return;
      const requestId = (checkingIn.code === code && checkingIn.requestId) || newRequestId();
      set({ checkingIn: { code, requestId, sending: true, failure: null, issued: null } });
      try {
        const issued = await client.call('issueTicket', {
          token: session.token,
          body: { requestId, appointmentCode: code },
        });
        // The list marks it checked in from the feed's ticket.issued, as it does for a kiosk's check-in.
        set({ checkingIn: { ...initialAppointmentsState.checkingIn, code, issued } });
      } catch (error) {
        if (expired(error)) return get().endSession('expired');
        const failure = failureOf(error);
        set({
          checkingIn: { code, requestId: isRefusal(error) ? null : requestId, sending: false, failure, issued: null },
        });
      }
    },

    clearCheckIn() {
      set({ checkingIn: initialAppointmentsState.checkingIn });
    },

    appointmentCheckedIn(code, ticketNumber) {
      const { appointments } = get();
      if (!appointments.list.some((a) => a.code === code)) return;
      const list = appointments.list.map((a) => (a.code === code ? { ...a, ticketNumber } : a));
      set({ appointments: { ...appointments, list } });
    },
  };
};
