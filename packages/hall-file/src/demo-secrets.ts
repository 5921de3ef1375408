import type { HallConfig } from '@hallq/shared/contracts';
import { DEMO_HALL_PATH, loadHallConfig } from './load-hall-config';

/**
 * The places of a hall file that use a credential of the demo hall (a staff password hash or a device key hash
 * copied from it): published with the project, so anyone could log in or pose as a device with them. Empty for a
 * hall file with its own secrets.
 */
export function demoSecretsIn(hall: HallConfig, demo: HallConfig = loadHallConfig(DEMO_HALL_PATH)): string[] {
  const demoPasswords = new Set(demo.staff.map((s) => s.passwordHash));
  const demoKeys = new Set(Object.values(demo.devices).flatMap((list) => list.map((d) => d.keyHash)));
  const found: string[] = [];
  hall.staff.forEach((s, i) => {
    if (demoPasswords.has(s.passwordHash)) found.push(`staff[${i}] (${s.id}): the demo hall's password`);
  });
  for (const [kind, list] of Object.entries(hall.devices)) {
    list.forEach((d, i) => {
      if (demoKeys.has(d.keyHash)) found.push(`devices.${kind}[${i}] (${d.id}): the demo hall's device key`);
    });
  }
  return found;
}
