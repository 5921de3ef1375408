import type { IssueTicketRequest, PublicHall, ServiceItemConfig, WindowTypeConfig } from '@hallq/shared/contracts';
import { acceptsItem, offersPriority } from '@hallq/shared/domain';
import type { IssueForm } from './state';

/** The 帮办代办 type when the hall sends priority groups there (policy.priorityPath help_and_proxy), else null. */
export function helpAndProxyType(hall: PublicHall): WindowTypeConfig | null {
  if (hall.priorityPath !== 'help_and_proxy') return null;
  return hall.windowTypes.find((t) => offersPriority(hall.priorityPath, t)) ?? null;
}

/**
 * The window type the ticket is for: under help_and_proxy a priority group goes to the 帮办代办 type, whose staff
 * accompany them through any item (the kiosk's priority button does the same); otherwise the type chosen.
 */
export function issueWindowType(hall: PublicHall, form: IssueForm): WindowTypeConfig | null {
  const help = form.priority !== null ? helpAndProxyType(hall) : null;
  return help ?? hall.windowTypes.find((t) => t.code === form.windowType) ?? null;
}

/** The items a window type handles (any item at a comprehensive or 帮办代办 type), by the server's own rule. */
export function itemsFor(hall: PublicHall, windowType: WindowTypeConfig | null): ServiceItemConfig[] {
  return windowType ? hall.serviceItems.filter((item) => acceptsItem(windowType, item)) : [];
}

/** The request for the form, or null while it names no window type the hall has. */
export function issueRequest(hall: PublicHall, form: IssueForm, requestId: string): IssueTicketRequest | null {
  const type = issueWindowType(hall, form);
  if (!type) return null;
  const item = itemsFor(hall, type).find((i) => i.code === form.serviceItem);
  return {
    requestId,
    windowType: type.code,
    ...(item && { serviceItem: item.code }),
    ...(form.priority !== null && { priority: form.priority }),
  };
}
