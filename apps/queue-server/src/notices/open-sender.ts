import { NoticesConfig } from '@hallq/shared/contracts';
import { GatewaySender } from './gateway-sender';
import type { KioskAgentDesk } from './kiosk-agent-desk';
import { KioskModemSender } from './kiosk-modem-sender';
import { ModemSender } from './modem-sender';
import type { NoticeSender, NoticesSettings, PartReport } from './notice-sender';
import { WindowSender } from './window-sender';

/** The hall file's `notices` when it has none: every notice waits for the window, as before there were senders. */
export const WINDOW_ONLY: NoticesSettings = NoticesConfig.parse({});

/** The sender the settings name (the schema made sure its section is there). */
export function openSender(
  config: NoticesSettings,
  onReport: (report: PartReport) => void,
  now: () => number,
  /** Where a kiosk's notice agent takes the notices (kept by the queue across senders). */
  desk: KioskAgentDesk,
): NoticeSender {
  if (config.sender === 'kiosk') return new KioskModemSender(desk, config.kiosk!);
  if (config.sender === 'modem') return new ModemSender({ config: config.modem!, onReport, now });
  if (config.sender === 'gateway') return new GatewaySender(config.gateway!);
  return new WindowSender();
}
