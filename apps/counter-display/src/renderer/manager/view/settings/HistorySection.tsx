import type { HallConfig, SettingsChangeLine, SettingsVersionInfo } from '@hallq/shared/contracts';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { useActions, useHallTime, useManager, usePerson } from '../manager-context';
import { ModalDialog } from './ModalDialog';
import { st } from './settings-context';

type ChangeLine = z.infer<typeof SettingsChangeLine>;

/** The words of a changed field, where a form of this tab names it; otherwise the field as the hall file has it. */
const FIELD_WORDS: Record<string, string> = {
  serves: 'windows.serves',
  callMode: 'windows.callMode',
  floor: 'windows.floor',
  zone: 'zone',
  department: 'department',
  windowType: 'windowType',
  code: 'code',
  prefix: 'windowTypes.prefix',
  kind: 'items.kind',
  dailyCap: 'windowTypes.dailyCap',
  perPersonDailyCap: 'windowTypes.perPersonDailyCap',
  targetWaitMinutes: 'windowTypes.targetWait',
  defaultServiceMinutes: 'windowTypes.defaultService',
  level: 'items.level',
  promisedWorkingDays: 'items.promisedDays',
  feeYuan: 'items.fee',
  legalBasis: 'items.legalBasis',
  hallOffice: 'departments.hallOffice',
  role: 'staff.role',
  aWindows: 'staff.aWindows',
  phone: 'staff.phone',
  bWindows: 'staff.bWindows',
  zones: 'staff.zones',
  disabled: 'staff.disabled',
  holidays: 'calendar.holidays',
  workdays: 'calendar.workdays',
};

const fieldWords = (field: string): string => {
  const [head = field] = field.split('.');
  if (head === 'name') return st('devices.name');
  if (head === 'materials') return st('items.materials', { language: '' }).replace(/（.*）/, '');
  const key = FIELD_WORDS[head];
  return key ? st(key).replace(/（.*）/, '') : field;
};

/** A change line in words: 窗口 2 修改（受理的窗口类型）. */
export function changeWords(line: ChangeLine): string {
  const words = st('history.line', {
    section: st(`section.${line.section}`),
    key: line.key ?? st('history.whole'),
    kind: st(`history.kinds.${line.kind}`),
  });
  const fields = [...new Set(line.fields.map(fieldWords))];
  return fields.length > 0 ? words + st('history.fields', { fields: fields.join('、') }) : words;
}

/** 历史: every version of the settings — who, when, what changed; one opened whole; an earlier one made current again. */
export function HistorySection() {
  const status = useManager((s) => s.settingsHistoryStatus);
  const versions = useManager((s) => s.settingsHistory);
  const current = useManager((s) => s.settingsView?.version);
  const shown = useManager((s) => s.settingsVersionShown);
  const { loadSettingsHistory, showSettingsVersion, rollbackSettings } = useActions();
  const { dateTime } = useHallTime();
  const person = usePerson();
  const [confirming, setConfirming] = useState<number | null>(null);

  useEffect(() => {
    void loadSettingsHistory();
  }, [loadSettingsHistory]);

  const actor = (v: SettingsVersionInfo) =>
    v.actor.startsWith('staff:') ? person(v.actor.slice(6)) : st('history.hallFile');
  return (
    <section className="set-section" data-testid="settings-section-history" aria-labelledby="set-history-title">
      <div className="set-section-head">
        <h2 id="set-history-title">{st('history.title')}</h2>
      </div>
      {status === 'loading' && versions.length === 0 && <p className="mgr-notice">{st('history.loading')}</p>}
      {status === 'failed' && <p className="mgr-error">{st('history.failed')}</p>}
      <table className="set-table set-history">
        <thead>
          <tr>
            <th scope="col">{st('history.version')}</th>
            <th scope="col">{st('history.at')}</th>
            <th scope="col">{st('history.actor')}</th>
            <th scope="col">{st('history.source')}</th>
            <th scope="col">{st('history.changes')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid={`settings-history-${v.version}`}>
              <td>
                {v.version}
                {v.version === current && <span className="set-tag added">{st('history.current')}</span>}
              </td>
              <td>{dateTime(v.at)}</td>
              <td>{actor(v)}</td>
              <td>
                {st(`history.sources.${v.source}`)}
                {v.rolledBackTo !== null && <div>{st('history.rolledBackTo', { version: v.rolledBackTo })}</div>}
              </td>
              <td>
                <ul className="set-change-lines">
                  {v.changes.map((c, i) => (
                    <li key={i}>{changeWords(c)}</li>
                  ))}
                </ul>
              </td>
              <td className="set-history-actions">
                {confirming === v.version ? (
                  <span className="set-confirm" role="alert">
                    {st('history.rollbackConfirm', { version: v.version })}
                    <button
                      type="button"
                      data-testid={`settings-rollback-confirm-${v.version}`}
                      onClick={() => void rollbackSettings(v.version).then(() => setConfirming(null))}
                    >
                      {st('devices.confirm')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      {st('devices.cancel')}
                    </button>
                  </span>
                ) : (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      data-testid={`settings-history-view-${v.version}`}
                      onClick={() => void showSettingsVersion(v.version)}
                    >
                      {st('history.view')}
                    </button>
                    {v.version !== current && (
                      <button
                        type="button"
                        className="secondary"
                        data-testid={`settings-rollback-${v.version}`}
                        onClick={() => setConfirming(v.version)}
                      >
                        {st('history.rollback')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && (
        <VersionDialog info={shown.info} hall={shown.hall} actor={actor(shown.info)} at={dateTime(shown.info.at)} />
      )}
    </section>
  );
}

function VersionDialog(props: { info: SettingsVersionInfo; hall: HallConfig; actor: string; at: string }) {
  const { closeSettingsVersion } = useActions();
  const { info, hall } = props;
  return (
    <ModalDialog
      className="set-version-dialog"
      testId="settings-version-detail"
      labelledBy="set-version-title"
      onClose={closeSettingsVersion}
    >
      <h3 id="set-version-title">{st('history.detailTitle', { version: info.version })}</h3>
      <p>
        {props.at} · {props.actor} · {st(`history.sources.${info.source}`)}
      </p>
      <ul className="set-change-lines">
        {info.changes.map((c, i) => (
          <li key={i}>{changeWords(c)}</li>
        ))}
      </ul>
      <p className="mgr-notice">
        {st('history.counts', {
          departments: hall.departments.length,
          windowTypes: hall.windowTypes.length,
          items: hall.serviceItems.length,
          windows: hall.windows.length,
          staff: hall.staff.length,
        })}
      </p>
      <table className="set-table">
        <tbody>
          {hall.windows.map((w) => (
            <tr key={w.number}>
              <th scope="row">{w.name.zh}</th>
              <td>
                {w.serves.map((code) => hall.windowTypes.find((t) => t.code === code)?.name.zh ?? code).join(' → ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {st('section.calendar')}：{hall.calendar.holidays.join('、') || st('calendar.none')}
      </p>
      <div className="mgr-dialog-actions">
        <button type="button" onClick={() => closeSettingsVersion()}>
          {st('history.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
