import { t, useActions, useManager } from './manager-context';

/** The manager's 单位 filter: the whole hall, or one department's windows, follow-ups and archive. */
export function DepartmentFilter() {
  const departments = useManager((s) => s.hall?.departments);
  const chosen = useManager((s) => s.chosenDepartment);
  const { chooseDepartment } = useActions();
  return (
    <label className="mgr-department-filter">
      {t('department.label')}
      <select
        data-testid="department-filter"
        value={chosen ?? ''}
        onChange={(e) => chooseDepartment(e.target.value || null)}
      >
        <option value="">{t('department.all')}</option>
        {(departments ?? []).map((d) => (
          <option key={d.code} value={d.code}>
            {d.name.zh}
          </option>
        ))}
      </select>
    </label>
  );
}
