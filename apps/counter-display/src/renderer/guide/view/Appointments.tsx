import { checkInStatus, type CheckInStatus } from '../store/slices/appointments/selectors';
import type { DayAppointment } from '../store/slices/appointments/state';
import { serviceItemOf, windowTypeOf } from '../store/slices/feed/selectors';
import { BookingPanel } from './BookingPanel';
import { FailureNote } from './FailureNote';
import { useActions, useGuide, useNow, useWords } from './guide-context';
import { TicketCard } from './TicketCard';

/** Today's appointments with their check-in, and booking for a caller or a citizen at the desk. */
export function Appointments() {
  const { t } = useWords();
  const { list, status } = useGuide((s) => s.appointments);
  const checkingIn = useGuide((s) => s.checkingIn);
  const { loadAppointments, clearCheckIn } = useActions();
  return (
    <section className="gd-appointments" data-testid="guide-appointments">
      <div className="gd-appointment-list">
        <header className="gd-section-head">
          <h2>{t('appointments.title')}</h2>
          {status === 'loading' && <span>{t('appointments.loading')}</span>}
          {status === 'failed' && <span className="gd-warn">{t('appointments.failed')}</span>}
          <button type="button" data-testid="appointments-refresh" onClick={() => void loadAppointments()}>
            {t('appointments.refresh')}
          </button>
        </header>
        {checkingIn.failure && <FailureNote failure={checkingIn.failure} testId="check-in-failure" />}
        <table className="gd-table">
          <thead>
            <tr>
              <th>{t('appointments.slot')}</th>
              <th>{t('appointments.code')}</th>
              <th>{t('appointments.windowType')}</th>
              <th>{t('appointments.checkIn')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <Row key={a.code} appointment={a} />
            ))}
            {list.length === 0 && status === 'loaded' && (
              <tr>
                <td colSpan={4}>{t('appointments.empty')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="gd-appointment-side">
        {checkingIn.issued ? <TicketCard issued={checkingIn.issued} onClose={clearCheckIn} /> : <BookingPanel />}
      </div>
    </section>
  );
}

function Row({ appointment: a }: { appointment: DayAppointment }) {
  const { t, name, time } = useWords();
  const hall = useGuide((s) => s.hall);
  const now = useNow();
  if (!hall) return null;
  const item = serviceItemOf(hall, a.serviceItem);
  return (
    <tr data-testid={`appointment-${a.code}`}>
      <td>{time(a.slotStart)}</td>
      <td className="gd-code">{a.code}</td>
      <td>
        {name(windowTypeOf(hall, a.windowType)?.name, a.windowType)}
        {item && <small> · {name(item.name, item.code)}</small>}
        {a.byIdCard && <small className="gd-badge info">{t('appointments.byIdCard')}</small>}
      </td>
      <td>
        <CheckIn code={a.code} status={checkInStatus(a, hall, now)} />
      </td>
    </tr>
  );
}

function CheckIn({ code, status }: { code: string; status: CheckInStatus }) {
  const { t, time } = useWords();
  const checkingIn = useGuide((s) => s.checkingIn);
  const { checkIn } = useActions();
  switch (status.kind) {
    case 'done':
      return <span className="gd-done">{t('appointments.done', { number: status.ticketNumber })}</span>;
    case 'early':
      return <span>{t('appointments.early', { time: time(status.from) })}</span>;
    case 'missed':
      return <span className="gd-muted">{t('appointments.missed')}</span>;
    case 'open': {
      const sending = checkingIn.sending && checkingIn.code === code;
      return (
        <button
          type="button"
          className="gd-primary"
          data-testid={`check-in-${code}`}
          disabled={checkingIn.sending}
          onClick={() => void checkIn(code)}
        >
          {sending ? t('appointments.checkingIn') : t('appointments.checkInNow')}
        </button>
      );
    }
  }
}
