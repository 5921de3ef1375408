import type { HallConfig } from '../config/hall-config';
import type { Outcome, Ticket } from './ticket';

/** The most items one service may record: a visit covers a few related items (一件事), never a catalogue. */
export const MAX_SERVED_ITEMS = 10;

export type ServedItemsResult = { ok: true; items: string[] } | { ok: false; field: string; message: string };

/**
 * The service items a finish records as handled (事项办件量 counts them). The clerk confirms them; when they say
 * nothing, the item the citizen chose at the kiosk is what was served (none when they chose only a window type). A
 * transfer serves nothing here: the window that finishes the ticket records what it handled.
 */
export function servedItemsAtFinish(
  requested: readonly string[] | undefined,
  ticket: Pick<Ticket, 'serviceItem'>,
  outcome: Pick<Outcome, 'kind'>,
  hall: Pick<HallConfig, 'serviceItems'>,
): ServedItemsResult {
  if (outcome.kind === 'transferred') {
    if (requested !== undefined && requested.length > 0) {
      return {
        ok: false,
        field: 'servedItems',
        message: 'a transfer serves no item here: the window that finishes the ticket records them',
      };
    }
    return { ok: true, items: [] };
  }
  if (requested === undefined) return { ok: true, items: ticket.serviceItem === null ? [] : [ticket.serviceItem] };
  const seen = new Set<string>();
  for (const [i, code] of requested.entries()) {
    if (!hall.serviceItems.some((s) => s.code === code)) {
      return { ok: false, field: `servedItems.${i}`, message: `unknown service item "${code}"` };
    }
    if (seen.has(code)) return { ok: false, field: `servedItems.${i}`, message: `"${code}" is listed twice` };
    seen.add(code);
  }
  return { ok: true, items: [...requested] };
}
