import type { HallConfig, QueuePolicy, ServiceItemConfig, WindowTypeConfig } from '../config/hall-config';
import type { PriorityGroup } from './ticket';

/** Where the kiosk's priority button leads (policy.priorityPath); see `offersPriority`. */
export type PriorityPath = QueuePolicy['priorityPath'];

/**
 * Comprehensive windows handle any item (综合窗口, 无差别受理) and help-and-proxy staff accompany the citizen through
 * any item (帮办代办); every other type handles only the items the hall file assigns to it.
 */
export function acceptsAnyItem(windowType: Pick<WindowTypeConfig, 'kind'>): boolean {
  return windowType.kind === 'comprehensive' || windowType.kind === 'help_and_proxy';
}

/** Whether a ticket of this window type may name the item. */
export function acceptsItem(
  windowType: Pick<WindowTypeConfig, 'code' | 'kind'>,
  item: Pick<ServiceItemConfig, 'windowType'>,
): boolean {
  return acceptsAnyItem(windowType) || item.windowType === windowType.code;
}

/**
 * Whether a window type takes priority tickets (绿色通道). Under `help_and_proxy` the priority groups are served at
 * the 帮办代办 type, whose staff accompany them, so no other type takes a priority ticket; under `priority_ticket`
 * any type does, the ticket marked priority there. Takes the path rather than the hall so the kiosk, which knows only
 * the public hall, asks the same question.
 */
export function offersPriority(path: PriorityPath, windowType: Pick<WindowTypeConfig, 'kind'>): boolean {
  return path === 'priority_ticket' || windowType.kind === 'help_and_proxy';
}

/** What a ticket or booking asks of its window type. */
export interface TicketRequestFacts {
  serviceItem: string | null;
  priority: PriorityGroup | null;
}

/**
 * Why the window type cannot take the request, naming the request field at fault. `message` is the field's message:
 * the caller's full message is `${field}: ${message}`, as for any invalid field.
 */
export interface TicketRequestProblem {
  code: 'validation_failed' | 'priority_not_offered';
  field: 'serviceItem' | 'priority';
  message: string;
}

/**
 * The hall's check of a ticket or booking request for a window type: the item must exist and be handled at the type,
 * and a priority ticket must be one the type offers under the hall's priority path. Null when the type can take it.
 */
export function ticketRequestProblem(
  hall: HallConfig,
  windowType: WindowTypeConfig,
  request: TicketRequestFacts,
): TicketRequestProblem | null {
  const { serviceItem, priority } = request;
  if (serviceItem !== null) {
    const item = hall.serviceItems.find((s) => s.code === serviceItem);
    if (!item)
      return { code: 'validation_failed', field: 'serviceItem', message: `unknown service item "${serviceItem}"` };
    if (!acceptsItem(windowType, item)) {
      return {
        code: 'validation_failed',
        field: 'serviceItem',
        message: `"${serviceItem}" is handled at window type "${item.windowType}", not "${windowType.code}"`,
      };
    }
  }
  const path = hall.policy.priorityPath;
  if (priority !== null && !offersPriority(path, windowType)) {
    const at = hall.windowTypes.filter((t) => offersPriority(path, t)).map((t) => `"${t.code}"`);
    return {
      code: 'priority_not_offered',
      field: 'priority',
      message:
        `priority tickets are handled at window type${at.length === 1 ? '' : 's'} ${at.join(', ')} ` +
        `(policy.priorityPath ${path}), not "${windowType.code}"`,
    };
  }
  return null;
}
