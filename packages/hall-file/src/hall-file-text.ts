import type { HallConfig } from '@hallq/shared/contracts';
import { stringify } from 'yaml';

/**
 * A hall as a hall file: the YAML `loadHallConfig` reads back to the same hall. What the console changed since the
 * file was written is in it; passwords and keys are not (the server keeps them apart), so a file made from it starts a
 * hall whose people and devices get theirs from the console.
 */
export function hallFileText(hall: HallConfig, heading: string): string {
  const comment = heading
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${comment}\n${stringify(hall, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
