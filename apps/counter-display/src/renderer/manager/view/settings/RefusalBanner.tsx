import { useActions, useManager } from '../manager-context';
import { ProblemList } from './SectionFrame';
import { st } from './settings-context';

/**
 * What came of the last save: saved as a version, or refused because someone else changed the settings first (reload,
 * keeping nothing stale), because it would strand today's work, or because it is not the session's to make.
 */
export function RefusalBanner() {
  const refusal = useManager((s) => s.settingsRefusal);
  const notice = useManager((s) => s.settingsNotice);
  const { reloadSettings } = useActions();
  if (notice && !refusal) {
    const key =
      notice.kind === 'saved' ? 'saved' : notice.kind === 'rolledBack' ? 'history.rolledBack' : 'catalogue.imported';
    return (
      <p className="set-banner ok" role="status" data-testid="settings-notice">
        {st(key, { version: notice.version })}
      </p>
    );
  }
  if (!refusal || refusal.kind === 'validation') return null;
  if (refusal.kind === 'conflict')
    return (
      <div className="set-banner warn" role="alert" data-testid="settings-conflict">
        <span>{st('problem.conflict', { message: refusal.message })}</span>
        <button type="button" data-testid="settings-reload" onClick={() => void reloadSettings()}>
          {st('problem.reload')}
        </button>
      </div>
    );
  if (refusal.kind === 'network')
    return (
      <p className="set-banner warn" role="alert">
        {st('problem.network')}
      </p>
    );
  return (
    <div className="set-banner warn" role="alert" data-testid="settings-refused">
      <p>{st(refusal.kind === 'strands_work' ? 'problem.strands' : 'problem.forbidden')}</p>
      <ProblemList problems={refusal.fields.length > 0 ? refusal.fields : [{ path: '', message: refusal.message }]} />
    </div>
  );
}
