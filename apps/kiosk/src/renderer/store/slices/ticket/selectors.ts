import type { IssuedTicket, IssueTicketRequest, PublicHall } from '@hallq/shared/contracts';
import { catalogue, createI18n, localized, type CitizenLanguage } from '@hallq/shared/i18n';
import type { i18n } from 'i18next';
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

// The store has no i18n instance of its own (the view's follows the screen language); the printed text is read from
// the same catalogue and keys as the ticket screen, through one instance made on the first ticket.
let printText: i18n | null = null;
function validToday(language: CitizenLanguage): string {
  printText ??= createI18n(catalogue);
  return printText.getFixedT(language, 'kiosk')('ticket.validToday');
}

/**
 * The printed ticket, in Chinese for the hall staff; taken in another language, its window type and validity line
 * are printed in that language too (the printer draws what GBK cannot encode).
 */
export function printJobFor(
  hall: PublicHall,
  issued: IssuedTicket,
  origin: string,
  language: CitizenLanguage,
): TicketPrintJob {
  const { ticket } = issued;
  const item = serviceItemOf(hall, ticket.serviceItem);
  const type = windowTypeOf(hall, ticket.windowType);
  return {
    hallName: hall.name.zh,
    windowTypeName: type?.name.zh ?? ticket.windowType,
    serviceItemName: item?.name.zh ?? null,
    number: ticket.number,
    peopleAhead: issued.peopleAhead,
    estimatedWaitMinutes: issued.estimatedWaitMinutes,
    windows: issued.windows,
    issuedAt: ticket.issuedAt,
    timeZone: hall.timeZone,
    statusUrl: statusUrl(hall, issued, origin),
    materials: item?.materials.map((m) => m.zh) ?? [],
    ...(language !== 'zh' && {
      inCitizenLanguage: {
        windowTypeName: type ? localized(type.name, language) : ticket.windowType,
        validToday: validToday(language),
      },
    }),
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
