import { type FormEvent, useState } from 'react';
import { nextSlot } from '../store/slices/appointments/selectors';
import type { BookingForm } from '../store/slices/appointments/state';
import { itemsFor } from '../store/slices/issue/selectors';
import { FailureNote } from './FailureNote';
import { useActions, useGuide, useWords } from './guide-context';

/** 电话预约 / 现场预约: one form; the code answered is shown large to read out or hand over. */
export function BookingPanel() {
  const { t, name, time } = useWords();
  const hall = useGuide((s) => s.hall);
  const booking = useGuide((s) => s.booking);
  const { bookAppointment, clearBooking } = useActions();
  const [form, setForm] = useState<BookingForm | null>(null);
  if (!hall) return null;
  const current: BookingForm = form ?? {
    windowType: hall.windowTypes[0]?.code ?? '',
    serviceItem: null,
    idNumber: '',
    ...nextSlot(hall, new Date()),
  };
  const change = (patch: Partial<BookingForm>) => setForm({ ...current, ...patch });

  if (booking.booked) {
    const { booked } = booking;
    return (
      <article className="gd-booked" data-testid="booked" data-code={booked.code}>
        <p>{t('booking.booked')}</p>
        <p className="gd-booked-code" data-testid="booked-code">
          {booked.code}
        </p>
        <p>
          {booked.hallDay} {time(booked.slotStart)} ·{' '}
          {name(hall.windowTypes.find((w) => w.code === booked.windowType)?.name, booked.windowType)}
        </p>
        <p className="gd-hint">{current.idNumber.trim() ? t('booking.tellCard') : t('booking.tell')}</p>
        <button
          type="button"
          data-testid="booked-close"
          onClick={() => {
            clearBooking();
            setForm(null);
          }}
        >
          {t('booking.close')}
        </button>
      </article>
    );
  }

  const type = hall.windowTypes.find((w) => w.code === current.windowType) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void bookAppointment(current);
  };
  return (
    <form className="gd-booking" data-testid="booking-form" onSubmit={submit}>
      <h2>{t('booking.title')}</h2>
      <label className="gd-field">
        {t('issue.windowType')}
        <select
          data-testid="booking-type"
          value={current.windowType}
          onChange={(e) => change({ windowType: e.target.value, serviceItem: null })}
        >
          {hall.windowTypes.map((w) => (
            <option key={w.code} value={w.code}>
              {name(w.name, w.code)}
            </option>
          ))}
        </select>
      </label>
      <label className="gd-field">
        {t('issue.item')}
        <select
          data-testid="booking-item"
          value={current.serviceItem ?? ''}
          onChange={(e) => change({ serviceItem: e.target.value || null })}
        >
          <option value="">{t('issue.anyItem')}</option>
          {itemsFor(hall, type).map((item) => (
            <option key={item.code} value={item.code}>
              {name(item.name, item.code)}
            </option>
          ))}
        </select>
      </label>
      <div className="gd-row">
        <label className="gd-field">
          {t('booking.day')}
          <input
            type="date"
            data-testid="booking-day"
            value={current.day}
            onChange={(e) => change({ day: e.target.value })}
          />
        </label>
        <label className="gd-field">
          {t('booking.time')}
          <input
            type="time"
            data-testid="booking-time"
            step={300}
            value={current.time}
            onChange={(e) => change({ time: e.target.value })}
          />
        </label>
      </div>
      <label className="gd-field">
        {t('booking.idNumber')}
        <input
          data-testid="booking-id"
          value={current.idNumber}
          maxLength={18}
          autoComplete="off"
          onChange={(e) => change({ idNumber: e.target.value })}
        />
      </label>
      {booking.failure && <FailureNote failure={booking.failure} testId="booking-failure" />}
      <button type="submit" className="gd-primary" data-testid="booking-submit" disabled={booking.sending}>
        {booking.sending ? t('booking.sending') : t('booking.submit')}
      </button>
    </form>
  );
}
