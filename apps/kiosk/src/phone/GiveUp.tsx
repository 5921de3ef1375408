import type { HallClient } from '@hallq/shared/client';
import type { TicketStatus } from '@hallq/shared/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newRequestId } from '@hallq/shared/client';

type Step = { name: 'idle' } | { name: 'confirming' | 'sending' | 'failed'; requestId: string };

/** 放弃排队, behind a confirmation: one tap in a pocket must not cost a citizen their place. */
export function GiveUp({
  token,
  client,
  number,
  onGivenUp,
}: {
  token: string;
  client: HallClient;
  number: string;
  onGivenUp: (status: TicketStatus) => void;
}) {
  const { t } = useTranslation('phone');
  const [step, setStep] = useState<Step>({ name: 'idle' });

  if (step.name === 'idle') {
    return (
      <button
        type="button"
        className="give-up"
        data-testid="phone-give-up"
        // One id per confirmation, reused when it is retried: a retry after a lost answer cancels only once.
        onClick={() => setStep({ name: 'confirming', requestId: newRequestId() })}
      >
        {t('giveUp.button')}
      </button>
    );
  }

  const confirm = async () => {
    setStep({ name: 'sending', requestId: step.requestId });
    try {
      onGivenUp(await client.call('giveUpTicket', { params: { token }, body: { requestId: step.requestId } }));
    } catch {
      setStep({ name: 'failed', requestId: step.requestId });
    }
  };

  return (
    <section className="card confirm" role="alertdialog" aria-labelledby="give-up-question">
      <p id="give-up-question">{t('giveUp.question', { number })}</p>
      {step.name === 'failed' && <p className="error">{t('giveUp.failed')}</p>}
      <button
        type="button"
        className="confirm-give-up"
        data-testid="phone-give-up-confirm"
        disabled={step.name === 'sending'}
        onClick={() => void confirm()}
      >
        {step.name === 'sending' ? t('giveUp.sending') : t('giveUp.confirm')}
      </button>
      <button
        type="button"
        className="keep"
        disabled={step.name === 'sending'}
        onClick={() => setStep({ name: 'idle' })}
      >
        {t('giveUp.keep')}
      </button>
    </section>
  );
}
