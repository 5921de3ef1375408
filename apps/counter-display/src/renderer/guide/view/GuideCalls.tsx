import { openCalls } from '../store/slices/guide-calls/selectors';
import { FailureNote } from './FailureNote';
import { useActions, useGuide, useNow, useWords } from './guide-context';

/**
 * The open 呼叫导办 calls of this guide's zones (the server sends no others), always in view beside the desk's work:
 * a new one is highlighted until the guide looks at it (a click anywhere on it) or answers.
 */
export function GuideCalls() {
  const { t, time } = useWords();
  const now = useNow();
  const feed = useGuide((s) => s.feed);
  const answers = useGuide((s) => s.callAnswers);
  const unseen = useGuide((s) => s.unseenCalls);
  const failure = useGuide((s) => s.callFailure);
  const { answerCall, markCallSeen } = useActions();
  const calls = openCalls(feed, { callAnswers: answers, unseenCalls: unseen }, now);
  return (
    <aside className="gd-calls" data-testid="guide-calls" data-count={calls.length}>
      <h2>
        {t('calls.title')}
        {calls.length > 0 && <span className="gd-count">{calls.length}</span>}
      </h2>
      {failure && <FailureNote failure={failure} testId="call-failure" />}
      {calls.length === 0 && <p className="gd-muted">{t('calls.empty')}</p>}
      <ul>
        {calls.map(({ call, waitedMinutes, isNew, answering }) => (
          <li
            key={call.id}
            className={isNew ? 'gd-call new' : 'gd-call'}
            data-testid="guide-call"
            data-call={call.id}
            data-kiosk={call.kiosk}
            onClick={() => markCallSeen(call.id)}
          >
            <div className="gd-call-head">
              <strong>{t(`calls.reason.${call.reason}`)}</strong>
              {isNew && <span className="gd-badge">{t('calls.new')}</span>}
            </div>
            <div>{call.zone}</div>
            <div>{call.kioskName ?? t('calls.kiosk', { kiosk: call.kiosk })}</div>
            <div className={waitedMinutes >= 5 ? 'gd-warn' : undefined}>
              {time(call.calledAt)} ·{' '}
              {waitedMinutes < 1 ? t('calls.justNow') : t('calls.waited', { minutes: waitedMinutes })}
            </div>
            <button
              type="button"
              className="gd-primary"
              data-testid="guide-call-answer"
              disabled={answering}
              onClick={() => void answerCall(call.id)}
            >
              {answering ? t('calls.answering') : t('calls.answer')}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
