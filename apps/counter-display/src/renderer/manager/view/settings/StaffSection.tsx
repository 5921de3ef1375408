import { StaffRole, type StaffConfig } from '@hallq/shared/contracts';
import { numberList, wordList } from '../../store/slices/settings/selectors';
import { useActions, useManager } from '../manager-context';
import { type EntryEditor, Row } from './entries';
import { CheckField, DepartmentField, ListField, SelectField, TextField } from './fields';
import { CredentialFailure } from './SecretDialog';
import { ListSection } from './SectionFrame';
import { st, useSection } from './settings-context';

/**
 * 人员: who works in the hall, their role, department and posts; a person who leaves is disabled (kept in the
 * history), not removed. Passwords are reset here, never edited: the one-time password is shown once.
 */
export function StaffSection() {
  const editor = useSection('staff');
  const hall = useManager((s) => s.settingsView?.hall);
  if (!editor || !hall) return null;
  const { value: staff, edit } = editor;
  const add = () =>
    edit([
      ...staff,
      {
        id: '',
        name: '',
        role: 'clerk',
        department: hall.departments[0]!.code,
        disabled: false,
        aWindows: [],
        bWindows: [],
        zones: [],
      },
    ]);
  const roles = StaffRole.options.map((r) => ({ value: r, label: st(`staff.roles.${r}`) }));
  return (
    <ListSection
      section="staff"
      editor={editor}
      add={{ label: st('staff.add'), testId: 'settings-add-staff', onClick: add }}
      notice={<CredentialFailure />}
    >
      {(row) => (
        <Row row={row} actions={<PasswordActions person={row.entry} />}>
          <TextField label={st('staff.id')} size={6} {...row.field('id')} />
          <TextField label={st('staff.name')} size={8} {...row.field('name')} />
          <SelectField label={st('staff.role')} options={roles} {...row.field('role')} />
          <DepartmentField departments={hall.departments} {...row.field('department')} />
          <PostFields row={row} />
          <PhoneField row={row} />
          <CheckField label={st('staff.disabled')} {...row.field('disabled')} />
        </Row>
      )}
    </ListSection>
  );
}

/** The windows a person staffs (A and B posts), and for a floor guide the zones they walk. */
function PostFields({ row }: { row: EntryEditor<StaffConfig> }) {
  return (
    <>
      <ListField label={st('staff.aWindows')} parse={numberList} {...row.field('aWindows')} />
      <ListField label={st('staff.bWindows')} parse={numberList} {...row.field('bWindows')} />
      {row.entry.role === 'floor_guide' && (
        <ListField label={st('staff.zones')} parse={wordList} {...row.field('zones')} />
      )}
    </>
  );
}

/** The work mobile for the hall's reminders to the person (回访提醒); empty for none. */
function PhoneField({ row }: { row: EntryEditor<StaffConfig> }) {
  const phone = row.field('phone');
  return (
    <TextField
      label={st('staff.phone')}
      size={11}
      {...phone}
      value={phone.value ?? ''}
      onChange={(v) => phone.onChange(v.trim() === '' ? undefined : v.trim())}
    />
  );
}

/** Whether the person holds a password, and its reset (saved people still working only). */
function PasswordActions({ person }: { person: StaffConfig }) {
  const saved = useManager((s) => s.settingsView?.hall.staff.some((p) => p.id === person.id) ?? false);
  const status = useManager((s) => s.settingsView?.passwords[person.id]);
  const busy = useManager((s) => s.settingsCredential.status === 'busy');
  const { resetPassword } = useActions();
  const words = status
    ? st(status.mustChange ? 'staff.passwordMustChange' : 'staff.passwordSet')
    : st('staff.passwordNone');
  return (
    <>
      <span className="set-status" title={st('staff.password')}>
        {st('staff.password')}：{words}
      </span>
      <button
        type="button"
        className="secondary"
        data-testid={`settings-reset-${person.id}`}
        title={saved ? undefined : st('staff.saveFirst')}
        disabled={!saved || person.disabled || busy}
        onClick={() => void resetPassword(person.id)}
      >
        {st('staff.reset')}
      </button>
    </>
  );
}
