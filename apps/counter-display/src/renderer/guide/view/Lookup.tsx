import { type FormEvent, useState } from 'react';
import { serviceItemOf, windowTypeOf } from '../store/slices/feed/selectors';
import { type Actor, type TraceView, traceView } from '../store/slices/lookup/selectors';
import { FailureNote } from './FailureNote';
import { useActions, useGuide, useNow, useWords } from './guide-context';

/** 查号: where a citizen's ticket is and why, in words. */
export function Lookup() {
  const { t } = useWords();
  const [typed, setTyped] = useState('');
  const lookup = useGuide((s) => s.lookup);
  const { lookUp } = useActions();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void lookUp(typed);
  };
  return (
    <section className="gd-lookup" data-testid="guide-lookup">
      <form className="gd-search" onSubmit={submit}>
        <label htmlFor="gd-number">{t('lookup.label')}</label>
        <input
          id="gd-number"
          data-testid="lookup-number"
          value={typed}
          placeholder={t('lookup.placeholder')}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" data-testid="lookup-submit" disabled={typed.trim() === '' || lookup.status === 'loading'}>
          {lookup.status === 'loading' ? t('lookup.loading') : t('lookup.submit')}
        </button>
      </form>
      <LookupFailure />
      {lookup.trace && <Trace />}
    </section>
  );
}

function LookupFailure() {
  const { t } = useWords();
  const { failure, number } = useGuide((s) => s.lookup);
  if (failure === null) return null;
  if (failure === 'bad_number') return <p className="gd-error">{t('lookup.badNumber')}</p>;
  if (failure.code !== 'not_found') return <FailureNote failure={failure} testId="lookup-failure" />;
  return (
    <p className="gd-error" data-testid="lookup-not-found">
      {t('lookup.notFound', { number })}
    </p>
  );
}

function Trace() {
  const { t, name } = useWords();
  const now = useNow();
  const hall = useGuide((s) => s.hall);
  const feed = useGuide((s) => s.feed);
  const trace = useGuide((s) => s.lookup.trace);
  if (!trace) return null;
  const view = traceView(trace, hall, feed, now);
  const { ticket } = view;
  const type = windowTypeOf(hall, ticket.windowType);
  const typeName = name(type?.name, ticket.windowType);
  const item = serviceItemOf(hall, ticket.serviceItem);
  return (
    <article className="gd-trace" data-testid="trace" data-number={ticket.number} data-state={ticket.state}>
      <header className="gd-trace-head">
        <span className="gd-trace-number">{ticket.number}</span>
        <span className={`gd-state ${ticket.state}`} data-testid="trace-state">
          {t(`state.${ticket.state}`)}
        </span>
        <Where view={view} typeName={typeName} />
      </header>
      <p className="gd-trace-facts">
        <span>{t('lookup.windowType', { name: typeName })}</span>
        {item && <span>{t('lookup.item', { name: name(item.name, item.code) })}</span>}
        {ticket.priority && <span>{t('lookup.priority', { group: t(`priorityGroup.${ticket.priority}`) })}</span>}
        {ticket.appointment && <AppointmentFact slotStart={ticket.appointment.slotStart} />}
      </p>
      <Reactivation view={view} />
      <h3>{t('lookup.history')}</h3>
      <ol className="gd-history" data-testid="trace-history">
        {view.history.map((line, i) => (
          <li key={i} data-what={line.what}>
            <HistoryLine line={line} />
          </li>
        ))}
      </ol>
    </article>
  );
}

function AppointmentFact({ slotStart }: { slotStart: string }) {
  const { t, time } = useWords();
  return <span>{t('lookup.appointment', { time: time(slotStart) })}</span>;
}

/** 第N位 and the windows that may call it, or where it is being called or served. */
function Where({ view, typeName }: { view: TraceView; typeName: string }) {
  const { t } = useWords();
  const { ticket, position, servingWindows } = view;
  const atWindow = (ticket.state === 'called' || ticket.state === 'serving') && ticket.window !== null;
  return (
    <div className="gd-where" data-testid="trace-where">
      {position !== null && <strong data-testid="trace-position">{t('lookup.position', { position })}</strong>}
      {atWindow && <strong>{t('lookup.atWindow', { window: ticket.window, count: ticket.calls })}</strong>}
      {ticket.state === 'no_show' && ticket.window !== null && (
        <strong>{t('lookup.noShowAt', { window: ticket.window, count: ticket.calls })}</strong>
      )}
      {position !== null &&
        (servingWindows.length > 0 ? (
          <span data-testid="trace-windows">{t('lookup.servingWindows', { windows: servingWindows.join('、') })}</span>
        ) : (
          <span className="gd-warn" data-testid="trace-no-windows">
            {t('lookup.noWindows', { type: typeName })}
          </span>
        ))}
    </div>
  );
}

function Reactivation({ view }: { view: TraceView }) {
  const { t } = useWords();
  const reactivation = useGuide((s) => s.reactivation);
  const { reactivate } = useActions();
  if (!view.reactivation) return null;
  if (!view.reactivation.allowed) {
    return (
      <p className="gd-warn" data-testid="reactivate-refused">
        {t('lookup.cannotReactivate', { reason: view.reactivation.reason })}
      </p>
    );
  }
  return (
    <div className="gd-reactivate">
      <button
        type="button"
        className="gd-primary"
        data-testid="reactivate"
        disabled={reactivation.sending}
        onClick={() => void reactivate()}
      >
        {reactivation.sending ? t('lookup.reactivating') : t('lookup.reactivate')}
      </button>
      <span>{t('lookup.reactivateHint')}</span>
      {reactivation.failure && <FailureNote failure={reactivation.failure} testId="reactivate-failure" />}
    </div>
  );
}

function HistoryLine({ line }: { line: TraceView['history'][number] }) {
  const { t, time } = useWords();
  return (
    <>
      <time>{time(line.at)}</time>
      <span className="gd-what">{t(`history.${line.what}`, { defaultValue: line.what })}</span>
      <span>{line.window !== null && t('history.atWindow', { window: line.window })}</span>
      <span>{actorText(t, line.actor)}</span>
    </>
  );
}

function actorText(t: ReturnType<typeof useWords>['t'], actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.name
        ? t('actor.staffNamed', { name: actor.name, id: actor.id })
        : t('actor.staff', { id: actor.id });
    case 'kiosk':
      return t('actor.kiosk', { id: actor.id });
    case 'phone':
    case 'system':
      return t(`actor.${actor.kind}`);
    case 'other':
      return actor.text;
  }
}
