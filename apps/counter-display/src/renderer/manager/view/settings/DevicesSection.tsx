import type { DevicesConfig } from '@hallq/shared/contracts';
import { type ReactNode, useState } from 'react';
import { useActions, useManager } from '../manager-context';
import { type EntryEditor, entryEditors, RemoveButton, Row, RowGroup } from './entries';
import { SelectField, TextField } from './fields';
import { CredentialFailure } from './SecretDialog';
import { SectionFrame } from './SectionFrame';
import { st, useSection } from './settings-context';

type List = keyof DevicesConfig;

/**
 * 设备: the kiosks, screens and lockers the hall knows, and their keys — issued or rotated (shown once, with a QR
 * code), or revoked. A locker's cabinets are kept as the hall file has them.
 */
export function DevicesSection() {
  const editor = useSection('devices');
  const hall = useManager((s) => s.settingsView?.hall);
  if (!editor || !hall) return null;
  const { value: devices, edit, errors } = editor;
  const setList = <L extends List>(list: L, entries: DevicesConfig[L]) => edit({ ...devices, [list]: entries });
  const firstWindow = hall.windows[0]?.number;
  const kiosks = entryEditors(devices.kiosks, 'devices.kiosks', errors, (l) => setList('kiosks', l));
  const displays = entryEditors(devices.displays, 'devices.displays', errors, (l) => setList('displays', l));
  const lockers = entryEditors(devices.lockers, 'devices.lockers', errors, (l) => setList('lockers', l));
  const nextId = (prefix: string) => {
    const taken = new Set([...devices.kiosks, ...devices.displays, ...devices.lockers].map((d) => d.id));
    let n = 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  };
  const displayKinds = (['hall', 'window', 'rating'] as const).map((k) => ({
    value: k,
    label: st(`devices.kinds.${k}`),
  }));
  const windows = hall.windows.map((w) => ({ value: String(w.number), label: w.name.zh }));
  return (
    <SectionFrame
      section="devices"
      edited={editor.edited}
      errors={errors}
      rows={[...kiosks, ...displays, ...lockers].map((row) => row.at)}
    >
      <CredentialFailure />
      <RowGroup
        title={st('devices.kiosks')}
        add={st('devices.addKiosk')}
        onAdd={() =>
          setList('kiosks', [...devices.kiosks, { id: nextId('K'), name: st('devices.addKiosk'), zone: '' }])
        }
        rows={kiosks}
      >
        {(row) => (
          <DeviceRow row={row}>
            <TextField label={st('zone')} size={8} {...row.field('zone')} />
          </DeviceRow>
        )}
      </RowGroup>
      <RowGroup
        title={st('devices.displays')}
        add={st('devices.addDisplay')}
        onAdd={() =>
          setList('displays', [...devices.displays, { id: nextId('D'), name: st('devices.addDisplay'), kind: 'hall' }])
        }
        rows={displays}
      >
        {(row) => (
          <DeviceRow row={row}>
            <SelectField
              label={st('devices.kind')}
              options={displayKinds}
              {...row.field('kind')}
              onChange={(kind) =>
                row.merge({ kind, window: kind === 'hall' ? undefined : (row.entry.window ?? firstWindow) })
              }
            />
            {row.entry.kind !== 'hall' && (
              <SelectField
                label={st('devices.window')}
                at={`${row.at}.window`}
                errors={errors}
                value={String(row.entry.window ?? '')}
                options={windows}
                onChange={(v) => row.set('window', Number(v))}
              />
            )}
          </DeviceRow>
        )}
      </RowGroup>
      <RowGroup
        title={st('devices.lockers')}
        add={st('devices.addLocker')}
        onAdd={() =>
          setList('lockers', [
            ...devices.lockers,
            { id: nextId('L'), name: st('devices.addLocker'), zone: '', cabinets: [] },
          ])
        }
        rows={lockers}
      >
        {(row) => (
          <DeviceRow row={row}>
            <TextField label={st('zone')} size={8} {...row.field('zone')} />
            <span className="set-status">{st('devices.cabinets', { count: row.entry.cabinets.length })}</span>
          </DeviceRow>
        )}
      </RowGroup>
    </SectionFrame>
  );
}

/** A device's row: its id and name, what else its kind has, and its key's actions. */
function DeviceRow<T extends { id: string; name: string }>(props: { row: EntryEditor<T>; children: ReactNode }) {
  const { row } = props;
  return (
    <Row row={row} actions={<KeyActions id={row.entry.id} onRemove={row.remove} />}>
      <TextField label={st('devices.id')} size={12} {...row.field('id')} />
      <TextField label={st('devices.name')} size={12} {...row.field('name')} />
      {props.children}
    </Row>
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
      <RemoveButton onClick={onRemove} />
    </>
  );
}
