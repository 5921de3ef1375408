import type { FollowUp } from '@hallq/shared/contracts';
import { deadlineStatus, reasonText, scopedFollowUps } from '../store/slices/followups/selectors';
import { departmentName, followUpDepartment } from '../store/slices/scope/selectors';
import { AssignForm, CloseForm, NoteForm } from './FollowUpForms';
import { t, useActions, useHallTime, useManager, usePerson, useScope } from './manager-context';

/** 回访整改: the scope's open bad-rating follow-ups, most urgent first. */
export function FollowUps() {
  const followUps = useManager((s) => s.followUps);
  const hall = useManager((s) => s.hall);
  const status = useManager((s) => s.followUpsStatus);
  const scope = useScope();
  const { loadFollowUps } = useActions();
  const shown = scopedFollowUps(followUps, hall, scope);
  return (
    <section className="mgr-followups" data-testid="followups">
      <div className="mgr-section-head">
        <h2>{t('followUps.title', { count: shown.length })}</h2>
        <button type="button" onClick={() => void loadFollowUps()}>
          {t('followUps.refresh')}
        </button>
      </div>
      {status === 'failed' && <p className="mgr-error">{t('followUps.failed')}</p>}
      {status === 'loaded' && shown.length === 0 && <p className="mgr-notice">{t('followUps.none')}</p>}
      {shown.map((f) => (
        <FollowUpCard key={f.id} followUp={f} showDepartment={scope.kind === 'hall'} />
      ))}
    </section>
  );
}

function FollowUpCard({ followUp: f, showDepartment }: { followUp: FollowUp; showDepartment: boolean }) {
  const { dateTime } = useHallTime();
  const person = usePerson();
  const hallDay = useManager((s) => s.feed?.hallDay ?? f.rating.hallDay);
  const hall = useManager((s) => s.hall);
  const busy = useManager((s) => s.busy[f.id] !== undefined);
  const error = useManager((s) => s.errors[f.id]);
  const due = deadlineStatus(f.deadline, hallDay);
  const department = followUpDepartment(hall, f);

  return (
    <article className={`mgr-followup ${due}`} data-testid={`followup-${f.id}`} data-deadline={due}>
      <header>
        <strong className={`mgr-result ${f.rating.result}`}>{t(`level.${f.rating.result}`)}</strong>
        <span>
          {t('followUps.rated', {
            ticket: f.rating.ticketNumber,
            window: f.rating.window,
            clerk: f.rating.clerk ? person(f.rating.clerk) : '—',
            at: dateTime(f.rating.recordedAt),
          })}
        </span>
        {showDepartment && department && <span className="mgr-department">{departmentName(hall, department)}</span>}
        <span className="mgr-status">{t(`followUps.status.${f.status}`)}</span>
      </header>
      <p>{t('followUps.reason', { reason: reasonText(f.rating.reason, hall, t('followUps.otherReason')) ?? '—' })}</p>
      <p>
        <span className={`mgr-deadline ${due}`} data-testid="followup-deadline">
          {t('followUps.deadline', { day: f.deadline })}
          {due === 'overdue' && ` ${t('followUps.overdue')}`}
          {due === 'today' && ` ${t('followUps.dueToday')}`}
        </span>
        <span className="mgr-assignee" data-testid="followup-assignee">
          {t('followUps.assignee', { name: f.assignee ? person(f.assignee) : t('followUps.unassigned') })}
        </span>
      </p>
      {f.notes.length > 0 && (
        <ul className="mgr-notes" data-testid="followup-notes">
          {f.notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              {dateTime(n.at)} {person(n.by)}
              {n.calledBack && <strong>{t('followUps.calledBack')}</strong>}：{n.text}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="mgr-error" role="alert">
          {Object.values(error.fields).join('；') || error.message}
        </p>
      )}
      <div className="mgr-actions">
        {department && <AssignForm id={f.id} department={department} busy={busy} />}
        <NoteForm id={f.id} busy={busy} />
        <CloseForm id={f.id} busy={busy} />
      </div>
    </article>
  );
}
