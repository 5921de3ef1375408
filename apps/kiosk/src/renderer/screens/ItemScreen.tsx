import { useTranslation } from 'react-i18next';
import { serviceItemOf, windowTypeOf } from '../store/slices/hall/selectors';
import { useLocalized } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';
import { BackButton } from './BackButton';

/** 一次性告知 before the ticket: materials, promised time, fee. */
export function ItemScreen() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const choice = useKiosk((s) => s.choice);
  const { takeTicket } = useActions();
  const local = useLocalized();
  const item = hall ? serviceItemOf(hall, choice.serviceItem) : undefined;
  const type = hall ? windowTypeOf(hall, choice.windowType) : undefined;
  if (!item || !type) return null;

  return (
    <section className="screen item" data-testid="screen-item">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{local(item.name)}</h2>
      </div>
      <div className="facts">
        <p className="fact" data-testid="item-time">
          {item.kind === 'immediate' ? t('item.immediate') : t('item.promised', { count: item.promisedWorkingDays })}
        </p>
        <p className="fact" data-testid="item-fee">
          {item.feeYuan === 0 ? t('item.free') : t('item.fee', { fee: item.feeYuan })}
        </p>
      </div>
      <h3 className="section-title">{item.materials.length ? t('item.materials') : t('item.noMaterials')}</h3>
      <ol className="materials" data-testid="item-materials">
        {item.materials.map((m, i) => (
          <li key={i}>{local(m)}</li>
        ))}
      </ol>
      <button type="button" className="btn big primary" data-testid="take-ticket" onClick={() => void takeTicket()}>
        {t('item.take')} · {local(type.name)}
      </button>
    </section>
  );
}
