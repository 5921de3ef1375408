import type { DevicesConfig, FieldError } from '@hallq/shared/contracts';
import { useState } from 'react';
import { useActions, useManager } from '../manager-context';
import { Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { removeAt, replaceAt, st, useSection } from './settings-context';

type List = keyof DevicesConfig;

/**
 * 设备: the kiosks, screens and lockers the hall knows, and their keys — issued or rotated (shown once, with a QR
 * code), or revoked. A locker's cabinets are kept as the hall file has them.
 */
export function DevicesSection() {
  const editor = useSection('devices');
  const hall = useManager((s) => s.settingsView?.hall);
  const credential = useManager((s) => s.settingsCredential);
  if (!editor || !hall) return null;
  const { value: devices, edit, errors } = editor;
  const setList = <L extends List>(list: L, entries: DevicesConfig[L]) => edit({ ...devices, [list]: entries });
  const firstWindow = hall.windows[0]?.number;
  const rows = (['kiosks', 'displays', 'lockers'] as const).flatMap((list) =>
    devices[list].map((_, i) => `devices.${list}[${i}]`),
  );
  const nextId = (prefix: string) => {
    const taken = new Set([...devices.kiosks, ...devices.displays, ...devices.lockers].map((d) => d.id));
    let n = 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  };
  return (
    <SectionFrame section="devices" edited={editor.edited} errors={errors} rows={rows}>
      {credential.status === 'failed' && (
        <p className="mgr-error" role="alert">
          {st('secret.failed', { message: credential.message })}
        </p>
      )}
      <DeviceGroup
        title={st('devices.kiosks')}
        add={st('devices.addKiosk')}
        onAdd={() =>
          setList('kiosks', [...devices.kiosks, { id: nextId('K'), name: st('devices.addKiosk'), zone: '' }])
        }
      >
        {devices.kiosks.map((d, i) => {
          const at = `devices.kiosks[${i}]`;
          const set = (next: Partial<typeof d>) => setList('kiosks', replaceAt(devices.kiosks, i, { ...d, ...next }));
          return (
            <Row
              key={i}
              at={at}
              errors={errors}
              actions={<KeyActions id={d.id} onRemove={() => setList('kiosks', removeAt(devices.kiosks, i))} />}
            >
              <CommonFields at={at} errors={errors} id={d.id} name={d.name} onChange={set} />
              <TextField
                label={st('zone')}
                at={`${at}.zone`}
                errors={errors}
                value={d.zone}
                size={8}
                onChange={(v) => set({ zone: v })}
              />
            </Row>
          );
        })}
      </DeviceGroup>
      <DeviceGroup
        title={st('devices.displays')}
        add={st('devices.addDisplay')}
        onAdd={() =>
          setList('displays', [...devices.displays, { id: nextId('D'), name: st('devices.addDisplay'), kind: 'hall' }])
        }
      >
        {devices.displays.map((d, i) => {
          const at = `devices.displays[${i}]`;
          const set = (next: Partial<typeof d>) =>
            setList('displays', replaceAt(devices.displays, i, { ...d, ...next }));
          return (
            <Row
              key={i}
              at={at}
              errors={errors}
              actions={<KeyActions id={d.id} onRemove={() => setList('displays', removeAt(devices.displays, i))} />}
            >
              <CommonFields at={at} errors={errors} id={d.id} name={d.name} onChange={set} />
              <SelectField
                label={st('devices.kind')}
                at={`${at}.kind`}
                errors={errors}
                value={d.kind}
                options={(['hall', 'window', 'rating'] as const).map((k) => ({
                  value: k,
                  label: st(`devices.kinds.${k}`),
                }))}
                onChange={(kind) => set({ kind, window: kind === 'hall' ? undefined : (d.window ?? firstWindow) })}
              />
              {d.kind !== 'hall' && (
                <SelectField
                  label={st('devices.window')}
                  at={`${at}.window`}
                  errors={errors}
                  value={String(d.window ?? '')}
                  options={hall.windows.map((w) => ({ value: String(w.number), label: w.name.zh }))}
                  onChange={(v) => set({ window: Number(v) })}
                />
              )}
            </Row>
          );
        })}
      </DeviceGroup>
      <DeviceGroup
        title={st('devices.lockers')}
        add={st('devices.addLocker')}
        onAdd={() =>
          setList('lockers', [
            ...devices.lockers,
            { id: nextId('L'), name: st('devices.addLocker'), zone: '', cabinets: [] },
          ])
        }
      >
        {devices.lockers.map((d, i) => {
          const at = `devices.lockers[${i}]`;
          const set = (next: Partial<typeof d>) => setList('lockers', replaceAt(devices.lockers, i, { ...d, ...next }));
          return (
            <Row
              key={i}
              at={at}
              errors={errors}
              actions={<KeyActions id={d.id} onRemove={() => setList('lockers', removeAt(devices.lockers, i))} />}
            >
              <CommonFields at={at} errors={errors} id={d.id} name={d.name} onChange={set} />
              <TextField
                label={st('zone')}
                at={`${at}.zone`}
                errors={errors}
                value={d.zone}
                size={8}
                onChange={(v) => set({ zone: v })}
              />
              <span className="set-status">{st('devices.cabinets', { count: d.cabinets.length })}</span>
            </Row>
          );
        })}
      </DeviceGroup>
    </SectionFrame>
  );
}

function DeviceGroup(props: { title: string; add: string; onAdd(): void; children: React.ReactNode }) {
  return (
    <div className="set-group">
      <div className="set-group-head">
        <h3>{props.title}</h3>
        <button type="button" className="secondary" onClick={props.onAdd}>
          {props.add}
        </button>
      </div>
      {props.children}
    </div>
  );
}

function CommonFields(props: {
  at: string;
  errors: readonly FieldError[];
  id: string;
  name: string;
  onChange(next: { id?: string; name?: string }): void;
}) {
  return (
    <>
      <TextField
        label={st('devices.id')}
        at={`${props.at}.id`}
        errors={props.errors}
        value={props.id}
        size={12}
        onChange={(v) => props.onChange({ id: v })}
      />
      <TextField
        label={st('devices.name')}
        at={`${props.at}.name`}
        errors={props.errors}
        value={props.name}
        size={12}
        onChange={(v) => props.onChange({ name: v })}
      />
    </>
  );
}

/** A device's key: whether it holds one; issue or rotate it (saved devices only), revoke it after a confirmation. */
function KeyActions({ id, onRemove }: { id: string; onRemove(): void }) {
  const saved = useManager((s) => {
    const d = s.settingsView?.hall.devices;
    return !!d && [...d.kiosks, ...d.displays, ...d.lockers].some((x) => x.id === id);
  });
  const holds = useManager((s) => s.settingsView?.deviceKeys.includes(id) ?? false);
  const busy = useManager((s) => s.settingsCredential.status === 'busy');
  const { issueDeviceKey, revokeDeviceKey } = useActions();
  const [confirming, setConfirming] = useState(false);
  if (confirming)
    return (
      <span className="set-confirm" role="alert">
        {st('devices.revokeConfirm', { device: id })}
        <button
          type="button"
          data-testid={`settings-revoke-confirm-${id}`}
          onClick={() => void revokeDeviceKey(id).then(() => setConfirming(false))}
        >
          {st('devices.confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          {st('devices.cancel')}
        </button>
      </span>
    );
  return (
    <>
      <span className="set-status" data-testid={`settings-key-${id}`}>
        {st('devices.key')}：{holds ? st('devices.keyIssued') : st('devices.keyNone')}
      </span>
      <button
        type="button"
        className="secondary"
        data-testid={`settings-issue-${id}`}
        title={saved ? undefined : st('devices.saveFirst')}
        disabled={!saved || busy}
        onClick={() => void issueDeviceKey(id)}
      >
        {holds ? st('devices.rotate') : st('devices.issue')}
      </button>
      <button type="button" className="secondary" disabled={!holds || busy} onClick={() => setConfirming(true)}>
        {st('devices.revoke')}
      </button>
      <button type="button" className="secondary" onClick={onRemove}>
        {st('remove')}
      </button>
    </>
  );
}
