import { QueuePolicy } from '@hallq/shared/contracts';
import { CheckField, NumberField, SelectField } from './fields';
import { SectionFrame } from './SectionFrame';
import { st, useSection } from './settings-context';

type Policy = QueuePolicy;
type Key = keyof Policy;

/** Every rule of the queue in the schema's order, each with its meaning in words. */
const KEYS = Object.keys(QueuePolicy.shape) as Key[];

/** 排队规则: the numbers and switches of the queue. */
export function PolicySection() {
  const editor = useSection('policy');
  if (!editor) return null;
  const { value: policy, edit, errors } = editor;
  const set = <K extends Key>(key: K, value: Policy[K]) => edit({ ...policy, [key]: value });
  return (
    <SectionFrame section="policy" edited={editor.edited} errors={errors} rows={KEYS.map((k) => `policy.${k}`)}>
      <p className="mgr-notice">{st('policy.intro')}</p>
      <div className="set-policy">
        {KEYS.map((key) => {
          const field = { label: st(`policy.field.${key}`), at: `policy.${key}`, errors };
          const value = policy[key];
          if (key === 'priorityPath')
            return (
              <SelectField
                key={key}
                {...field}
                value={policy.priorityPath}
                options={(['help_and_proxy', 'priority_ticket'] as const).map((p) => ({
                  value: p,
                  label: st(`policy.priorityPaths.${p}`),
                }))}
                onChange={(v) => set('priorityPath', v)}
              />
            );
          if (typeof value === 'boolean')
            return <CheckField key={key} {...field} value={value} wide onChange={(v) => set(key, v as never)} />;
          return <NumberField key={key} {...field} value={value as number} onChange={(v) => set(key, v as never)} />;
        })}
      </div>
    </SectionFrame>
  );
}
