import { PriorityGroup } from '@hallq/shared/domain';
import { helpAndProxyType, issueWindowType, itemsFor } from '../store/slices/issue/selectors';
import { FailureNote } from './FailureNote';
import { useActions, useGuide, useWords } from './guide-context';
import { TicketCard } from './TicketCard';

/** 代取号: a ticket for a citizen who cannot use the kiosk, by the hall's own priority path. */
export function Issue() {
  const { t, name } = useWords();
  const hall = useGuide((s) => s.hall);
  const form = useGuide((s) => s.issueForm);
  const issuing = useGuide((s) => s.issuing);
  const issued = useGuide((s) => s.issued);
  const { setIssueForm, issueTicket, clearIssued } = useActions();
  if (!hall) return null;
  if (issued) return <TicketCard issued={issued} onClose={clearIssued} />;
  const help = helpAndProxyType(hall);
  const type = issueWindowType(hall, form);
  const items = itemsFor(hall, type);
  return (
    <section className="gd-issue" data-testid="guide-issue">
      <h2>{t('issue.title')}</h2>
      <fieldset>
        <legend>{t('issue.priority')}</legend>
        <div className="gd-choices">
          <Choice
            testId="issue-priority-none"
            chosen={form.priority === null}
            label={t('issue.noPriority')}
            onChoose={() => setIssueForm({ priority: null })}
          />
          {PriorityGroup.options.map((group) => (
            <Choice
              key={group}
              testId={`issue-priority-${group}`}
              chosen={form.priority === group}
              label={t(`priorityGroup.${group}`)}
              onChoose={() => setIssueForm({ priority: group })}
            />
          ))}
        </div>
        {form.priority !== null && (
          <p className="gd-hint" data-testid="issue-priority-path">
            {help ? t('issue.helpPath', { type: name(help.name, help.code) }) : t('issue.priorityPath')}
          </p>
        )}
      </fieldset>
      {/* Under help_and_proxy a priority group's type is 帮办代办, chosen for the guide. */}
      {!(form.priority !== null && help) && (
        <fieldset>
          <legend>{t('issue.windowType')}</legend>
          <div className="gd-choices">
            {hall.windowTypes.map((wt) => (
              <Choice
                key={wt.code}
                testId={`issue-type-${wt.code}`}
                chosen={form.windowType === wt.code}
                label={name(wt.name, wt.code)}
                onChoose={() => setIssueForm({ windowType: wt.code })}
              />
            ))}
          </div>
        </fieldset>
      )}
      <label className="gd-field">
        {t('issue.item')}
        <select
          data-testid="issue-item"
          value={form.serviceItem ?? ''}
          disabled={type === null}
          onChange={(e) => setIssueForm({ serviceItem: e.target.value || null })}
        >
          <option value="">{t('issue.anyItem')}</option>
          {items.map((item) => (
            <option key={item.code} value={item.code}>
              {name(item.name, item.code)}
            </option>
          ))}
        </select>
      </label>
      {issuing.failure && <FailureNote failure={issuing.failure} testId="issue-failure" />}
      <button
        type="button"
        className="gd-primary gd-big"
        data-testid="issue-submit"
        disabled={type === null || issuing.sending}
        onClick={() => void issueTicket()}
      >
        {issuing.sending ? t('issue.sending') : t('issue.submit')}
      </button>
    </section>
  );
}

function Choice(props: { testId: string; chosen: boolean; label: string; onChoose(): void }) {
  return (
    <button
      type="button"
      className={props.chosen ? 'gd-choice chosen' : 'gd-choice'}
      aria-pressed={props.chosen}
      data-testid={props.testId}
      onClick={props.onChoose}
    >
      {props.label}
    </button>
  );
}
