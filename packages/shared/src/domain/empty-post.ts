import type { HallConfig } from '../config/hall-config';
import type { WindowState } from './window';

/**
 * 空岗: window types with people waiting and no window serving them that is open with a clerk at it (a paused or
 * closed window does not count). In the hall's window-type order.
 */
export function emptyPosts(
  hall: Pick<HallConfig, 'windows' | 'windowTypes'>,
  windows: readonly Pick<WindowState, 'number' | 'status' | 'clerk'>[],
  waitingByType: Record<string, number>,
): string[] {
  const staffed = new Set<string>();
  for (const state of windows) {
    if (state.status !== 'open' || state.clerk === null) continue;
    const config = hall.windows.find((w) => w.number === state.number);
    config?.serves.forEach((type) => staffed.add(type));
  }
  return hall.windowTypes.map((t) => t.code).filter((code) => (waitingByType[code] ?? 0) > 0 && !staffed.has(code));
}
