import { StaffRole, type StaffConfig } from '@hallq/shared/contracts';
import { numberList, wordList } from '../../store/slices/settings/selectors';
import { useActions, useManager } from '../manager-context';
import { CheckField, ListField, Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { replaceAt, st, useSection } from './settings-context';

/**
 * 人员: who works in the hall, their role, department and posts; a person who leaves is disabled (kept in the
 * history), not removed. Passwords are reset here, never edited: the one-time password is shown once.
 */
export function StaffSection() {
  const editor = useSection('staff');
  const hall = useManager((s) => s.settingsView?.hall);
  const saved = useManager((s) => s.settingsView?.hall.staff);
  const passwords = useManager((s) => s.settingsView?.passwords);
  const credential = useManager((s) => s.settingsCredential);
  const { resetPassword } = useActions();
  if (!editor || !hall || !saved || !passwords) return null;
  const { value: staff, edit, errors } = editor;
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
  const passwordWords = (id: string) => {
    const status = passwords[id];
    return status ? st(status.mustChange ? 'staff.passwordMustChange' : 'staff.passwordSet') : st('staff.passwordNone');
  };
  return (
    <SectionFrame
      section="staff"
      edited={editor.edited}
      errors={errors}
      rows={staff.map((_, i) => `staff[${i}]`)}
      tools={
        <button type="button" className="secondary" data-testid="settings-add-staff" onClick={add}>
          {st('staff.add')}
        </button>
      }
    >
      {credential.status === 'failed' && (
        <p className="mgr-error" role="alert">
          {st('secret.failed', { message: credential.message })}
        </p>
      )}
      {staff.map((person, i) => {
        const at = `staff[${i}]`;
        const set = <K extends keyof StaffConfig>(key: K, value: StaffConfig[K]) =>
          edit(replaceAt(staff, i, { ...person, [key]: value }));
        const stored = saved.some((s) => s.id === person.id);
        return (
          <Row
            key={i}
            at={at}
            errors={errors}
            actions={
              <>
                <span className="set-status" title={st('staff.password')}>
                  {st('staff.password')}：{passwordWords(person.id)}
                </span>
                <button
                  type="button"
                  className="secondary"
                  data-testid={`settings-reset-${person.id}`}
                  title={stored ? undefined : st('staff.saveFirst')}
                  disabled={!stored || person.disabled || credential.status === 'busy'}
                  onClick={() => void resetPassword(person.id)}
                >
                  {st('staff.reset')}
                </button>
              </>
            }
          >
            <TextField
              label={st('staff.id')}
              at={`${at}.id`}
              errors={errors}
              value={person.id}
              size={6}
              onChange={(v) => set('id', v)}
            />
            <TextField
              label={st('staff.name')}
              at={`${at}.name`}
              errors={errors}
              value={person.name}
              size={8}
              onChange={(v) => set('name', v)}
            />
            <SelectField
              label={st('staff.role')}
              at={`${at}.role`}
              errors={errors}
              value={person.role}
              options={StaffRole.options.map((r) => ({ value: r, label: st(`staff.roles.${r}`) }))}
              onChange={(v) => set('role', v)}
            />
            <SelectField
              label={st('department')}
              at={`${at}.department`}
              errors={errors}
              value={person.department}
              options={hall.departments.map((d) => ({ value: d.code, label: d.name.zh }))}
              onChange={(v) => set('department', v)}
            />
            <ListField
              label={st('staff.aWindows')}
              at={`${at}.aWindows`}
              errors={errors}
              value={person.aWindows}
              parse={numberList}
              onChange={(v) => set('aWindows', v)}
            />
            <ListField
              label={st('staff.bWindows')}
              at={`${at}.bWindows`}
              errors={errors}
              value={person.bWindows}
              parse={numberList}
              onChange={(v) => set('bWindows', v)}
            />
            {person.role === 'floor_guide' && (
              <ListField
                label={st('staff.zones')}
                at={`${at}.zones`}
                errors={errors}
                value={person.zones}
                parse={wordList}
                onChange={(v) => set('zones', v)}
              />
            )}
            <CheckField
              label={st('staff.disabled')}
              at={`${at}.disabled`}
              errors={errors}
              value={person.disabled}
              onChange={(v) => set('disabled', v)}
            />
          </Row>
        );
      })}
    </SectionFrame>
  );
}
