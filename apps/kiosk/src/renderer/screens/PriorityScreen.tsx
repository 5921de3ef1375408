import { PriorityGroup } from '@hallq/shared/domain';
import { useTranslation } from 'react-i18next';
import { useActions } from '../view/kiosk-context';
import { BackButton } from './BackButton';
import { WindowTypeTiles } from './WindowTypeTiles';

export function PriorityScreen() {
  const { t } = useTranslation('kiosk');
  const { choosePriorityGroup } = useActions();
  return (
    <section className="screen priority" data-testid="screen-priority">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{t('priority.title')}</h2>
      </div>
      <div className="groups">
        {PriorityGroup.options.map((group) => (
          <button
            type="button"
            key={group}
            className="btn big group-btn"
            data-testid={`priority-${group}`}
            onClick={() => choosePriorityGroup(group)}
          >
            {t(`priority.groups.${group}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('priority.note')}</p>
    </section>
  );
}

/** priorityPath priority_ticket: any window type, the ticket marked priority. */
export function PriorityTypesScreen() {
  const { t } = useTranslation('kiosk');
  return (
    <section className="screen priority-types" data-testid="screen-priority-types">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{t('priority.typesTitle')}</h2>
      </div>
      <WindowTypeTiles />
    </section>
  );
}
