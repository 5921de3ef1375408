import type { IssuedTicket, IssueTicketRequest, PublicHall } from '@hallq/shared/contracts';
import type { TicketPrintJob } from '../../../../bridge/kiosk-bridge';
import type { Choice, Screen } from '../flow/state';
import { serviceItemOf, windowTypeOf } from '../hall/selectors';

export function issueRequestFor(choice: Choice, requestId: string): IssueTicketRequest {
  return {
    requestId,
    ...(choice.windowType !== null && { windowType: choice.windowType }),
    ...(choice.serviceItem !== null && { serviceItem: choice.serviceItem }),
    ...(choice.priority !== null && { priority: choice.priority }),
  };
}

/**
 * The address behind the ticket's QR code: on the hall's public status address when it has one (a phone on mobile
 * data cannot reach the kiosk's own address inside the hall network), else on the kiosk's.
 */
export function statusUrl(hall: PublicHall, issued: IssuedTicket, origin: string): string {
  return (hall.publicStatusUrl ?? origin) + issued.statusPath;
}

/** The printed ticket, in Chinese: the printer prints GBK, which has no Tibetan. */
export function printJobFor(hall: PublicHall, issued: IssuedTicket, origin: string): TicketPrintJob {
  const { ticket } = issued;
  const item = serviceItemOf(hall, ticket.serviceItem);
  return {
    hallName: hall.name.zh,
    windowTypeName: windowTypeOf(hall, ticket.windowType)?.name.zh ?? ticket.windowType,
    serviceItemName: item?.name.zh ?? null,
    number: ticket.number,
    peopleAhead: issued.peopleAhead,
    estimatedWaitMinutes: issued.estimatedWaitMinutes,
    windows: issued.windows,
    issuedAt: ticket.issuedAt,
    timeZone: hall.timeZone,
    statusUrl: statusUrl(hall, issued, origin),
    materials: item?.materials.map((m) => m.zh) ?? [],
  };
}

/** The way forward a refusal screen offers, besides going home and calling a guide. */
export type RefusalAction = 'normal_ticket' | 'reenter_code' | 'none';

export function refusalAction(screen: Extract<Screen, { name: 'refused' }>): RefusalAction {
  switch (screen.code) {
    case 'appointment_missed':
      return 'normal_ticket';
    case 'not_found':
      return screen.via === 'appointment_code' ? 'reenter_code' : 'normal_ticket';
    default:
      return 'none';
  }
}
