import { ApiError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { issuedTicket, testKiosk } from '../../test-services';

describe('appointment check-in', () => {
  it('sends the eight-digit code typed on the keypad, a ninth digit ignored', async () => {
    const kiosk = testKiosk({ bridge: null });
    kiosk.api.issueTicket.mockResolvedValue(issuedTicket('J001'));
    kiosk.state().openAppointment();
    for (const d of '123456789') kiosk.state().pressDigit(d);
    expect(kiosk.state().appointmentCode).toBe('12345678');
    await kiosk.state().submitAppointmentCode();
    expect(kiosk.api.issueTicket).toHaveBeenCalledWith({
      body: { requestId: 'request-1', appointmentCode: '12345678' },
    });
    expect(kiosk.state().screen.name).toBe('ticket');
  });

  it('explains an early arrival with the time check-in opens', async () => {
    const kiosk = testKiosk({ bridge: null });
    kiosk.api.issueTicket.mockRejectedValue(
      new ApiError(409, 'appointment_too_early', 'early', { opensAt: '2025-05-06T06:30:00.000Z' }),
    );
    kiosk.state().openAppointment();
    for (const d of '12345678') kiosk.state().pressDigit(d);
    await kiosk.state().submitAppointmentCode();
    expect(kiosk.state().screen).toEqual({
      name: 'refused',
      code: 'appointment_too_early',
      opensAt: '2025-05-06T06:30:00.000Z',
      via: 'appointment_code',
    });
  });
});
