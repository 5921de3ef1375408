import type { HallConfig } from '@hallq/shared/contracts';
import type { CredentialKind } from '../store/settings-store';

/** A password or key a hall file seeds, by whose it is. */
export interface SecretSeed {
  kind: CredentialKind;
  id: string;
  hash: string;
}

const DEVICE_LISTS = ['kiosks', 'displays', 'lockers'] as const;

/**
 * The hall without a password or a key in it: what the settings versions store, what the services hold, what the
 * console is shown. Passwords and keys live in the credentials alone (a rollback never brings one back).
 */
export function withoutSecrets(hall: HallConfig): HallConfig {
  return {
    ...hall,
    staff: hall.staff.map(({ passwordHash: _password, ...s }) => s),
    devices: {
      kiosks: hall.devices.kiosks.map(({ keyHash: _key, ...d }) => d),
      displays: hall.devices.displays.map(({ keyHash: _key, ...d }) => d),
      lockers: hall.devices.lockers.map(({ keyHash: _key, ...d }) => d),
    },
  };
}

/** The passwords and keys a hall file gives. */
export function secretSeeds(hall: HallConfig): SecretSeed[] {
  return [
    ...hall.staff.flatMap((s) => (s.passwordHash ? [{ kind: 'staff' as const, id: s.id, hash: s.passwordHash }] : [])),
    ...DEVICE_LISTS.flatMap((list) =>
      hall.devices[list].flatMap((d) => (d.keyHash ? [{ kind: 'device' as const, id: d.id, hash: d.keyHash }] : [])),
    ),
  ];
}

/** Every device of the hall, whatever its kind. */
export function deviceIds(hall: HallConfig): Set<string> {
  return new Set(DEVICE_LISTS.flatMap((list) => hall.devices[list].map((d) => d.id)));
}

/**
 * The hall as staff may read it: without the tokens of the systems it talks to (the province's 好差评 endpoint, an SMS
 * gateway). They stay in the settings the server runs on and in its versions, never in the console, a version's
 * detail or an exported hall file; a `notices` section saved without a token keeps the one in force
 * (`withGatewayToken`).
 */
export function withoutTokens(hall: HallConfig): HallConfig {
  const { ratingUpload, notices } = hall;
  const withoutToken = <T extends { token?: string }>({ token: _token, ...rest }: T): Omit<T, 'token'> => rest;
  return {
    ...hall,
    ...(ratingUpload && { ratingUpload: withoutToken(ratingUpload) }),
    ...(notices?.gateway && { notices: { ...notices, gateway: withoutToken(notices.gateway) } }),
  };
}

/** Whether the settings in force hold each token: what the console shows as 已设置 in their place. */
export const tokensSet = (hall: HallConfig): { ratingUpload: boolean; gateway: boolean } => ({
  ratingUpload: hall.ratingUpload?.token !== undefined,
  gateway: hall.notices?.gateway?.token !== undefined,
});

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A `notices` section as saved from the console, which never saw the gateway's token: where its gateway comes without
 * one, the token in force goes in (a new token typed in replaces it). Anything else is left for the schema to judge.
 */
export function withGatewayToken(value: unknown, token: string | undefined): unknown {
  if (token === undefined || !isObject(value) || !isObject(value.gateway) || 'token' in value.gateway) return value;
  return { ...value, gateway: { ...value.gateway, token } };
}
