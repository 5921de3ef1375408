import type { SettingsSection } from '@hallq/shared/domain';
import { useEffect, useState } from 'react';
import { useActions, useHallTime, useManager, usePerson } from '../manager-context';
import { CalendarSection } from './CalendarSection';
import { DepartmentsSection } from './DepartmentsSection';
import { DevicesSection } from './DevicesSection';
import { HistorySection } from './HistorySection';
import { HoursSection } from './HoursSection';
import { ItemsSection } from './ItemsSection';
import { NoticesSection } from './NoticesSection';
import { PolicySection } from './PolicySection';
import { RatingReasonsSection } from './RatingReasonsSection';
import { RefusalBanner } from './RefusalBanner';
import { SecretDialog } from './SecretDialog';
import { st } from './settings-context';
import { StaffSection } from './StaffSection';
import { WindowsSection } from './WindowsSection';
import { WindowTypesSection } from './WindowTypesSection';
import './settings.css';

type Part = SettingsSection | 'history';

const MANAGER_PARTS: readonly Part[] = [
  'windows',
  'windowTypes',
  'serviceItems',
  'departments',
  'staff',
  'devices',
  'hours',
  'calendar',
  'policy',
  'ratingReasons',
  'notices',
  'history',
];
/** What a chief representative may change where the hall lets them: their department's windows and items. */
const CHIEF_PARTS: readonly Part[] = ['windows', 'serviceItems'];

const SECTIONS: Record<Part, () => React.JSX.Element | null> = {
  windows: WindowsSection,
  windowTypes: WindowTypesSection,
  serviceItems: ItemsSection,
  departments: DepartmentsSection,
  staff: StaffSection,
  devices: DevicesSection,
  hours: HoursSection,
  calendar: CalendarSection,
  policy: PolicySection,
  ratingReasons: RatingReasonsSection,
  notices: NoticesSection,
  history: HistorySection,
};

/** 设置: the hall's settings by section, each saved on its own as a new version; what is not saved is forgotten on leaving. */
export function Settings() {
  const [part, setPart] = useState<Part>('windows');
  const manager = useManager((s) => s.session?.staff.role === 'manager');
  const status = useManager((s) => s.settingsStatus);
  const view = useManager((s) => s.settingsView);
  const drafts = useManager((s) => s.settingsDrafts);
  const secret = useManager((s) => s.settingsSecret);
  const { loadSettings, closeSettings, dismissSettingsNotice } = useActions();
  const { dateTime } = useHallTime();
  const person = usePerson();

  useEffect(() => {
    void loadSettings();
    return () => closeSettings();
  }, [loadSettings, closeSettings]);

  const parts = manager ? MANAGER_PARTS : CHIEF_PARTS;
  const Section = SECTIONS[part];
  return (
    <div className="set-page" data-testid="settings">
      <nav className="set-nav" aria-label={st('tab')}>
        {parts.map((p) => (
          <button
            key={p}
            type="button"
            data-testid={`settings-nav-${p}`}
            className={p === part ? 'current' : undefined}
            aria-current={p === part ? 'page' : undefined}
            onClick={() => {
              setPart(p);
              dismissSettingsNotice();
            }}
          >
            {st(`section.${p}`)}
            {p !== 'history' && drafts[p] !== undefined && <span className="set-edited-mark"> *</span>}
          </button>
        ))}
        {view && (
          <span className="set-version" data-testid="settings-version">
            {st('version', {
              version: view.version,
              at: dateTime(view.at),
              actor: view.actor.startsWith('staff:') ? person(view.actor.slice(6)) : st('history.hallFile'),
            })}
          </span>
        )}
      </nav>
      <div className="set-body">
        <RefusalBanner />
        {status === 'failed' && !view && (
          <p className="mgr-error">
            {st('failed')}{' '}
            <button type="button" onClick={() => void loadSettings()}>
              {st('retry')}
            </button>
          </p>
        )}
        {!view && status !== 'failed' && <p className="mgr-notice">{st('loading')}</p>}
        {view && <Section />}
      </div>
      {secret && <SecretDialog secret={secret} />}
    </div>
  );
}
