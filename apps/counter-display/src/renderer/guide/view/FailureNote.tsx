import type { Failure } from '../store/failure';
import { useWords } from './guide-context';

/** A failed action in the desk's words, with the server's own message small below (precise, for a support call). */
export function FailureNote({ failure, testId }: { failure: Failure; testId: string }) {
  const { t, time } = useWords();
  const fields = failure.fields.map((f) => t(`field.${f}`, { defaultValue: f })).join('、');
  const words = t(`failure.${failure.code}`, { fields, defaultValue: t('failure.other') });
  return (
    <div className="gd-failure" role="alert" data-testid={testId} data-code={failure.code}>
      <span>
        {words}
        {failure.opensAt && `（${time(failure.opensAt)}）`}
      </span>
      {failure.detail && <small>{failure.detail}</small>}
    </div>
  );
}
