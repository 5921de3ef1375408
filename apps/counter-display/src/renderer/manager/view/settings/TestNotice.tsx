import { useId, useState } from 'react';
import type { SectionValues } from '../../store/slices/settings/state';
import { useActions, useManager } from '../manager-context';
import { STATUS_LABEL } from '../notice-labels';
import { st } from './settings-context';

const MOBILE = /^1\d{10}$/;

/**
 * 发送测试短信, beside the settings it tests: the IT officer sets the modem or gateway up, saves, and sends one to
 * their own phone at once. It goes through the saved settings (so not while this page has unsaved edits), and the
 * 通知发件箱 shows what became of it. The phone stays in this form only.
 */
export function TestNotice(props: { edited: boolean; sender: SectionValues['notices']['sender'] }) {
  const id = useId();
  const [phone, setPhone] = useState('');
  const test = useManager((s) => s.settingsTestNotice);
  const { sendTestNotice } = useActions();
  const blocked = props.edited
    ? st('notices.test.unsaved')
    : props.sender === 'window'
      ? st('notices.test.window')
      : null;
  return (
    <section className="set-test-notice" aria-labelledby={`${id}-title`} data-testid="settings-test-notice">
      <h3 id={`${id}-title`}>{st('notices.test.title')}</h3>
      <p className="mgr-notice">{st('notices.test.intro')}</p>
      <div className="set-test-notice-row">
        <label htmlFor={id}>{st('notices.test.phone')}</label>
        <input
          id={id}
          data-testid="settings-test-phone"
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          size={13}
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
        />
        <button
          type="button"
          data-testid="settings-test-send"
          disabled={blocked !== null || test.status === 'sending' || !MOBILE.test(phone)}
          onClick={() => void sendTestNotice(phone)}
        >
          {test.status === 'sending' ? st('notices.test.sending') : st('notices.test.send')}
        </button>
        {blocked && <span className="mgr-notice">{blocked}</span>}
      </div>
      {test.status === 'queued' && (
        <p className="set-test-notice-answer" role="status" data-testid="settings-test-answer">
          {st('notices.test.queued', { status: STATUS_LABEL[test.notice.status] })}
        </p>
      )}
      {test.status === 'failed' && (
        <p className="mgr-error" role="alert" data-testid="settings-test-answer">
          {test.message}
        </p>
      )}
    </section>
  );
}
