/**
 * Simulated lock boards on a real serial line (a socat pty pair), for the demo hall and the end-to-end scenarios.
 * Kept out of the main index: it needs socat, which no locker PC runs.
 */
export { hasSocat } from './locker/pty-pair';
export { simulatedLockLine, type SimulatedLockLine } from './locker/simulated-line';
/** A simulated ID-card reader on a pty pair, and made-up cards to place on it. */
export { simulatedIdCardReader, type SimulatedIdCardReader } from './id-card/simulated-reader';
export {
  IdCardReaderSimulator,
  type IdCardSimulatorEvents,
  type IdCardSimulatorReply,
} from './id-card/id-card-simulator';
export { PRESET_CARDS, parseCardInput, type PresetCardName } from './id-card/id-card-presets';
export { encodeBaseInfo, encodeBaseText } from './id-card/id-card-data';
/** A simulated SMS modem on a pty pair, answering AT commands, failing on demand and returning status reports. */
export { simulatedSmsModemLine, type SimulatedSmsModemLine } from './sms/simulated-modem-line';
export {
  SmsModemSimulator,
  type SmsModemSimulatorOptions,
  type SmsModemSimulatorEvents,
  type SimulatedSms,
  type SimulatedPart,
  type SimulatedRegistration,
} from './sms/sms-modem-simulator';
export { runReaderCommand, READER_COMMANDS } from './id-card/id-card-simulator-commands';
export { runModemCommand, describeSms, MODEM_COMMANDS } from './sms/sms-modem-simulator-commands';
