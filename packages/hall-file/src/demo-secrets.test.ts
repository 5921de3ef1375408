import { describe, expect, it } from 'vitest';
import { demoSecretsIn } from './demo-secrets';
import { DEMO_HALL_PATH, loadHallConfig } from './load-hall-config';

const demo = loadHallConfig(DEMO_HALL_PATH);

/** The demo hall with secrets of its own: every hash replaced by one nobody published. */
function ownSecrets() {
  const hall = structuredClone(demo);
  hall.staff.forEach((s, i) => (s.passwordHash = `scrypt$${'0'.repeat(31)}${i % 10}$${'ab'.repeat(32)}`));
  for (const list of Object.values(hall.devices))
    list.forEach((d, i) => (d.keyHash = `sha256$${'c'.repeat(32)}$${`${i}`.padStart(64, 'c')}`));
  return hall;
}

describe('demoSecretsIn', () => {
  it('finds none in a hall file with secrets of its own', () => {
    expect(demoSecretsIn(ownSecrets(), demo)).toEqual([]);
  });

  it('names each staff password and device key copied from the demo hall', () => {
    const hall = ownSecrets();
    hall.staff[3]!.passwordHash = demo.staff[0]!.passwordHash;
    hall.devices.kiosks[0]!.keyHash = demo.devices.kiosks[0]!.keyHash;
    expect(demoSecretsIn(hall, demo)).toEqual([
      `staff[3] (${hall.staff[3]!.id}): the demo hall's password`,
      `devices.kiosks[0] (${hall.devices.kiosks[0]!.id}): the demo hall's device key`,
    ]);
  });

  it('finds every credential of the demo hall itself', () => {
    const devices = Object.values(demo.devices).flat().length;
    expect(demoSecretsIn(demo, demo)).toHaveLength(demo.staff.length + devices);
  });
});
