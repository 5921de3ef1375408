import type { FinishDraft } from '../store/slices/desk/state';
import { servedItemChoices } from '../store/slices/desk/selectors';
import type { CounterState } from '../store/types';
import { useActions } from './counter-context';

/**
 * 办理事项: the service items this finish records as handled (the kiosk's item to begin with). The clerk removes one
 * the citizen did not need and adds the others handled in the same visit, from the items of this window's types.
 */
export function ServedItems(props: { state: CounterState; draft: FinishDraft }) {
  const { state, draft } = props;
  const { editFinish } = useActions();
  const items = state.hall?.serviceItems ?? [];
  const nameOf = (code: string) => items.find((s) => s.code === code)?.name.zh ?? code;
  const addable = servedItemChoices(state.hall, state.session?.window).filter(
    (s) => !draft.servedItems.includes(s.code),
  );
  return (
    <fieldset className="served-items" data-testid="finish-served-items">
      <legend>办理事项（计入事项办件量）</legend>
      {draft.servedItems.length === 0 && <p className="muted">未选事项：按取号时的事项统计。</p>}
      <ul>
        {draft.servedItems.map((code) => (
          <li key={code}>
            <span>{nameOf(code)}</span>
            <button
              type="button"
              aria-label={`移除 ${nameOf(code)}`}
              data-testid={`finish-served-remove-${code}`}
              onClick={() => editFinish({ servedItems: draft.servedItems.filter((c) => c !== code) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {addable.length > 0 && (
        <label>
          同时办理的其他事项
          <select
            data-testid="finish-served-add"
            value=""
            onChange={(e) => e.target.value && editFinish({ servedItems: [...draft.servedItems, e.target.value] })}
          >
            <option value="">添加事项…</option>
            {addable.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name.zh}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
