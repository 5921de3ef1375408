import { type FormEvent, useState } from 'react';
import { assigneeGroups, departmentName } from '../store/slices/scope/selectors';
import { t, useActions, useManager, usePerson } from './manager-context';

/**
 * 分派: to someone the session may hand a follow-up of `department` to, from the staff list — a chief representative's
 * own staff, the manager anyone (grouped by department, the follow-up's first).
 */
export function AssignForm({ id, department, busy }: { id: string; department: string; busy: boolean }) {
  const [staffId, setStaffId] = useState('');
  const directory = useManager((s) => s.directory);
  const hall = useManager((s) => s.hall);
  const self = useManager((s) => s.session?.staff.id ?? '');
  const person = usePerson();
  const { assignFollowUp } = useActions();
  const groups = assigneeGroups(directory, hall, department, self);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await assignFollowUp(id, staffId)) setStaffId('');
  };
  return (
    <form data-testid="followup-assign" onSubmit={(e) => void submit(e)}>
      <select name="staffId" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
        <option value="">{t('followUps.chooseAssignee')}</option>
        {groups.map((g) => (
          <optgroup key={g.department} label={departmentName(hall, g.department)}>
            {g.people.map((p) => (
              <option key={p.id} value={p.id}>
                {person(p.id)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="submit" disabled={busy || !staffId}>
        {t('followUps.assign')}
      </button>
    </form>
  );
}

/** 记录: what was done, and whether the citizen was called back (已回访). */
export function NoteForm({ id, busy }: { id: string; busy: boolean }) {
  const [text, setText] = useState('');
  const [calledBack, setCalledBack] = useState(false);
  const { noteFollowUp } = useActions();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await noteFollowUp(id, text, calledBack)) {
      setText('');
      setCalledBack(false);
    }
  };
  return (
    <form data-testid="followup-note" onSubmit={(e) => void submit(e)}>
      <input
        name="text"
        placeholder={t('followUps.notePlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <label>
        <input
          type="checkbox"
          name="calledBack"
          checked={calledBack}
          onChange={(e) => setCalledBack(e.target.checked)}
        />
        {t('followUps.calledBackLabel')}
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        {t('followUps.note')}
      </button>
    </form>
  );
}

/** 办结: with the result; the closed follow-up moves to the 整改台账. */
export function CloseForm({ id, busy }: { id: string; busy: boolean }) {
  const [resolution, setResolution] = useState('');
  const { closeFollowUp } = useActions();
  return (
    <form
      data-testid="followup-close"
      onSubmit={(e) => {
        e.preventDefault();
        void closeFollowUp(id, resolution);
      }}
    >
      <input
        name="resolution"
        placeholder={t('followUps.resolutionPlaceholder')}
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      <button type="submit" disabled={busy || !resolution.trim()}>
        {t('followUps.close')}
      </button>
    </form>
  );
}
