import { type FieldError, NoticesConfig } from '@hallq/shared/contracts';
import { useEffect, useId, useState } from 'react';
import { bodyFromText, bodyText } from '../../store/slices/settings/notice-body';
import { savedSection } from '../../store/slices/settings/selectors';
import type { SectionValues } from '../../store/slices/settings/state';
import { useManager } from '../manager-context';
import { CheckField, FieldErrors, NumberField, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { st, useSection } from './settings-context';
import { TestNotice } from './TestNotice';

type Notices = SectionValues['notices'];
type Sender = Notices['sender'];
type Gateway = NonNullable<Notices['gateway']>;

/** Every sender the hall file knows, in its order: a sender added there is offered here. */
const SENDERS: readonly Sender[] = NoticesConfig.shape.sender.unwrap().options;
const MODEM = NoticesConfig.shape.modem.unwrap().shape;
const GATEWAY = NoticesConfig.shape.gateway.unwrap().shape;
/** A sender chosen for the first time starts from the hall file's defaults. */
const NEW_MODEM = { path: '', baudRate: MODEM.baudRate.parse(undefined), deliveryReports: true };
const NEW_GATEWAY: Gateway = { url: '', body: GATEWAY.body.parse(undefined), timeoutSeconds: 10 };

const RETRIES = ['retrySeconds', 'maxRetrySeconds', 'maxAttempts'] as const;
const REMINDERS = ['overdueReminder', 'followUpReminders'] as const;

/**
 * 通知发送: how notices leave the hall (the window, the modem, a gateway, a kiosk's modem), the retries, the reminders,
 * and a test SMS through what is saved. The gateway's token is never shown: the page says whether one is set and
 * takes a new one; saved without one, the server keeps the token in force.
 */
export function NoticesSection() {
  const editor = useSection('notices');
  const view = useManager((s) => s.settingsView);
  /** The body as typed, while it differs from the draft's (it may not be JSON yet). */
  const [typed, setTyped] = useState<string | null>(null);
  const edited = editor?.edited ?? false;
  useEffect(() => {
    if (!edited) setTyped(null);
  }, [edited]);
  if (!editor || !view) return null;
  const { value: notices, edit, errors } = editor;
  const saved = savedSection(view, 'notices');
  const field = (at: string) => ({ at: `notices.${at}`, errors });
  const chooseSender = (sender: Sender) =>
    // The other senders' parts stay as saved: a half-typed one would block the save from where it is not shown.
    edit({
      ...notices,
      sender,
      modem: sender === 'modem' ? (notices.modem ?? NEW_MODEM) : saved.modem,
      gateway: sender === 'gateway' ? (notices.gateway ?? NEW_GATEWAY) : saved.gateway,
      kiosk: sender === 'kiosk' ? (notices.kiosk ?? view.hall.devices.kiosks[0]?.id) : saved.kiosk,
    });
  const unreadable = notices.sender === 'gateway' && typed !== null && bodyFromText(typed) === null;
  const rows = [
    'notices.sender',
    ...(notices.sender === 'modem' ? ['notices.modem'] : []),
    ...(notices.sender === 'gateway' ? ['notices.gateway'] : []),
    ...(notices.sender === 'kiosk' ? ['notices.kiosk'] : []),
    ...[...RETRIES, ...REMINDERS].map((k) => `notices.${k}`),
  ];
  return (
    <SectionFrame section="notices" edited={edited} errors={errors} rows={rows} unreadable={unreadable}>
      <p className="mgr-notice">{st('notices.intro')}</p>
      <div className="set-notices">
        <div className="set-notices-column">
          <div className="set-notices-sender">
            <SelectField
              label={st('notices.sender')}
              {...field('sender')}
              value={notices.sender}
              options={SENDERS.map((s) => ({ value: s, label: st(`notices.senders.${s}`) }))}
              onChange={chooseSender}
            />
            <p className="mgr-notice">{st(`notices.senderHints.${notices.sender}`)}</p>
          </div>
          <fieldset className="set-notices-group">
            <legend>{st('notices.retries')}</legend>
            {RETRIES.map((key) => (
              <NumberField
                key={key}
                label={st(`notices.${key}`)}
                {...field(key)}
                value={notices[key]}
                onChange={(v) => edit({ ...notices, [key]: v })}
              />
            ))}
          </fieldset>
          <fieldset className="set-notices-group">
            <legend>{st('notices.reminders')}</legend>
            {REMINDERS.map((key) => (
              <CheckField
                key={key}
                label={st(`notices.${key}`)}
                {...field(key)}
                value={notices[key]}
                wide
                onChange={(v) => edit({ ...notices, [key]: v })}
              />
            ))}
          </fieldset>
        </div>
        <div className="set-notices-column">
          {notices.sender === 'modem' && notices.modem && (
            <fieldset className="set-notices-group">
              <legend>{st('notices.modem')}</legend>
              <TextField
                label={st('notices.modemPath')}
                {...field('modem.path')}
                value={notices.modem.path}
                placeholder="/dev/ttyUSB2"
                onChange={(path) => edit({ ...notices, modem: { ...notices.modem!, path } })}
              />
              <NumberField
                label={st('notices.baudRate')}
                {...field('modem.baudRate')}
                value={notices.modem.baudRate}
                onChange={(baudRate) => edit({ ...notices, modem: { ...notices.modem!, baudRate: baudRate! } })}
              />
              <CheckField
                label={st('notices.deliveryReports')}
                {...field('modem.deliveryReports')}
                value={notices.modem.deliveryReports}
                wide
                onChange={(deliveryReports) => edit({ ...notices, modem: { ...notices.modem!, deliveryReports } })}
              />
            </fieldset>
          )}
          {notices.sender === 'gateway' && notices.gateway && (
            <GatewayFields
              gateway={notices.gateway}
              tokenSet={view.tokensSet.gateway}
              typed={typed}
              onType={setTyped}
              errors={errors}
              onChange={(gateway) => edit({ ...notices, gateway })}
            />
          )}
          {notices.sender === 'kiosk' && (
            <fieldset className="set-notices-group">
              <legend>{st('notices.senders.kiosk')}</legend>
              <SelectField
                label={st('notices.kiosk')}
                {...field('kiosk')}
                value={notices.kiosk ?? ''}
                options={view.hall.devices.kiosks.map((k) => ({ value: k.id, label: `${k.name}（${k.id}）` }))}
                onChange={(kiosk) => edit({ ...notices, kiosk })}
              />
            </fieldset>
          )}
          <TestNotice edited={edited} sender={saved.sender} />
        </div>
      </div>
    </SectionFrame>
  );
}

/** The gateway: where, with which token (write-only), what body (JSON, read as typed), how long to wait. */
function GatewayFields(props: {
  gateway: Gateway;
  tokenSet: boolean;
  typed: string | null;
  onType(text: string | null): void;
  errors: readonly FieldError[];
  onChange(gateway: Gateway): void;
}) {
  const { gateway, errors, onChange } = props;
  const bodyId = useId();
  const text = props.typed ?? bodyText(gateway.body);
  const unreadable = bodyFromText(text) === null;
  const typedToken = gateway.token !== undefined;
  const { token: _token, ...withoutToken } = gateway;
  return (
    <fieldset className="set-notices-group">
      <legend>{st('notices.gateway')}</legend>
      <TextField
        label={st('notices.gatewayUrl')}
        at="notices.gateway.url"
        errors={errors}
        wide
        value={gateway.url}
        placeholder="https://sms.example.gov.cn/api/send"
        onChange={(url) => onChange({ ...gateway, url })}
      />
      <TextField
        label={`${st('notices.token')}（${st(typedToken ? 'notices.tokenTyped' : props.tokenSet ? 'notices.tokenSet' : 'notices.tokenNone')}）`}
        at="notices.gateway.token"
        errors={errors}
        value={gateway.token ?? ''}
        placeholder={st(props.tokenSet ? 'notices.tokenReplace' : 'notices.tokenNew')}
        secret
        onChange={(token) => onChange(token === '' ? withoutToken : { ...gateway, token })}
      />
      <NumberField
        label={st('notices.timeout')}
        at="notices.gateway.timeoutSeconds"
        errors={errors}
        value={gateway.timeoutSeconds}
        onChange={(timeoutSeconds) => onChange({ ...gateway, timeoutSeconds: timeoutSeconds! })}
      />
      <div className={`set-field wide${unreadable ? ' invalid' : ''}`}>
        <label htmlFor={bodyId}>{st('notices.body')}</label>
        <textarea
          id={bodyId}
          data-testid="settings-field-notices.gateway.body"
          className="set-notices-body"
          rows={5}
          spellCheck={false}
          value={text}
          aria-invalid={unreadable}
          onChange={(e) => {
            props.onType(e.target.value);
            const body = bodyFromText(e.target.value);
            if (body) onChange({ ...gateway, body });
          }}
        />
        <span className="set-notices-hint">
          {st('notices.bodyHint')}{' '}
          {(['phone', 'text', 'id'] as const).map((p) => (
            <span key={p}>
              <code>{`{{${p}}}`}</code> {st(`notices.bodyPlaceholders.${p}`)}{' '}
            </span>
          ))}
        </span>
        {unreadable && (
          <span className="set-field-error" role="alert">
            {st('notices.bodyInvalid')}
          </span>
        )}
        <FieldErrors errors={errors} at="notices.gateway.body" />
      </div>
    </fieldset>
  );
}
