import { ApiError } from '@hallq/shared/client';
import type { AppointmentRecord } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { HALL_DAY, NOW, demoHall, issued, testDesk, ticket } from '../../test-services';
import { checkInStatus, nextSlot } from './selectors';
import type { DayAppointment } from './state';

/** Booked for personal matters at `time` (hall clock) today. */
function appointment(code: string, time: string, over: Partial<DayAppointment> = {}): DayAppointment {
  return {
    code,
    windowType: 'personal',
    serviceItem: null,
    slotStart: `${HALL_DAY}T${time}:00+08:00`,
    hallDay: HALL_DAY,
    ticketNumber: null,
    byIdCard: false,
    ...over,
  };
}

const booking = { windowType: 'personal', serviceItem: null, day: HALL_DAY, time: '11:00', idNumber: '' };

describe('预约', () => {
  it("lists today's appointments by slot, fetched again on every snapshot", async () => {
    const desk = testDesk({ loggedIn: true });
    desk.api.appointments.mockResolvedValue({
      appointments: [appointment('20000002', '11:00'), appointment('20000001', '09:00')],
    });
    await desk.online();
    expect(desk.state().appointments.list.map((a) => a.code)).toEqual(['20000001', '20000002']);
    desk.live.handlers!.snapshot({ ...desk.state().feed!, seq: 40 });
    expect(desk.api.appointments).toHaveBeenCalledTimes(2);
  });

  it('says when each may check in, by the hall’s minutes before and after the slot', () => {
    const hall = demoHall(); // 30 minutes early, 15 late; it is 10:30
    const now = new Date(NOW);
    expect(checkInStatus(appointment('1', '10:00'), hall, now)).toEqual({ kind: 'missed' });
    expect(checkInStatus(appointment('2', '10:45'), hall, now)).toEqual({ kind: 'open' });
    expect(checkInStatus(appointment('3', '11:30'), hall, now)).toEqual({
      kind: 'early',
      from: '2026-11-20T03:00:00.000Z',
    });
    expect(checkInStatus(appointment('4', '10:00', { ticketNumber: 'A012' }), hall, now)).toEqual({
      kind: 'done',
      ticketNumber: 'A012',
    });
  });

  it('offers the next half-hour slot on the hall clock first', () => {
    expect(nextSlot(demoHall(), new Date(NOW))).toEqual({ day: HALL_DAY, time: '11:00' });
    expect(nextSlot(demoHall(), new Date('2026-11-20T15:50:00Z'))).toEqual({ day: '2026-11-21', time: '08:00' });
  });

  it("books the slot on the hall's clock, and today's list takes today's booking from the answer", async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    const booked: AppointmentRecord = {
      code: '30000001',
      windowType: 'personal',
      serviceItem: null,
      slotStart: '2026-11-20T03:00:00.000Z',
      hallDay: HALL_DAY,
      ticketNumber: null,
    };
    desk.api.createAppointment.mockResolvedValueOnce(booked);
    await desk.state().bookAppointment({ ...booking, idNumber: '54010219900101123x' });
    expect(desk.api.createAppointment).toHaveBeenCalledWith({
      token: 'tok-g01',
      body: {
        requestId: 'request-1',
        windowType: 'personal',
        slotStart: '2026-11-20T03:00:00.000Z',
        idNumber: '54010219900101123X',
      },
    });
    expect(desk.state().booking.booked?.code).toBe('30000001');
    expect(desk.state().appointments.list).toEqual([{ ...booked, byIdCard: true }]);

    desk.api.createAppointment.mockResolvedValueOnce({ ...booked, code: '30000002', hallDay: '2026-11-23' });
    await desk.state().bookAppointment({ ...booking, day: '2026-11-23' });
    expect(desk.state().appointments.list.map((a) => a.code)).toEqual(['30000001']);
  });

  it('names the field the server refused, and a new form gets a new requestId', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.api.createAppointment.mockRejectedValueOnce(
      new ApiError(400, 'validation_failed', 'slotStart: the slot has already begun', {
        fields: [{ path: 'slotStart', message: 'the slot has already begun' }],
      }),
    );
    await desk.state().bookAppointment({ ...booking, time: '09:00' });
    expect(desk.state().booking.failure).toMatchObject({ code: 'validation_failed', fields: ['slotStart'] });
    await desk.state().bookAppointment({ ...booking, time: '' });
    expect(desk.api.createAppointment).toHaveBeenCalledTimes(1);
    expect(desk.state().booking.failure).toMatchObject({ code: 'validation_failed', fields: ['slotStart'] });
  });

  it('checks in by code at the desk; the list learns it from the feed, as for a kiosk check-in', async () => {
    const desk = testDesk({ loggedIn: true });
    desk.api.appointments.mockResolvedValue({ appointments: [appointment('20000001', '10:45')] });
    await desk.online();
    const checkedIn = ticket('A020', { appointment: { code: '20000001', slotStart: '2026-11-20T02:45:00.000Z' } });
    desk.api.issueTicket.mockResolvedValueOnce(issued(checkedIn));
    await desk.state().checkIn('20000001');
    expect(desk.api.issueTicket).toHaveBeenCalledWith({
      token: 'tok-g01',
      body: { requestId: 'request-1', appointmentCode: '20000001' },
    });
    expect(desk.state().checkingIn.issued?.ticket.number).toBe('A020');
    expect(desk.state().appointments.list[0]!.ticketNumber).toBeNull();
    desk.events({ type: 'ticket.issued', ticket: checkedIn });
    expect(desk.state().appointments.list[0]!.ticketNumber).toBe('A020');
  });
});
