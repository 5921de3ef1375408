import { NoticesConfig } from '@hallq/shared/contracts';
import { GatewaySender } from './gateway-sender';
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
): NoticeSender {
  if (config.sender === 'modem') return new ModemSender({ config: config.modem!, onReport, now });
  if (config.sender === 'gateway') return new GatewaySender(config.gateway!);
  return new WindowSender();
}
