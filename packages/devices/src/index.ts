export type DeviceStatus = 'ready' | 'offline' | 'error';

export {
  ticketLines,
  wrapColumns,
  displayWidth,
  charColumns,
  formatHallTime,
  layoutText,
  zhTicketLabels,
  PAPER_COLUMNS,
  PAPER_DOTS,
  type TicketPrint,
  type TicketLabels,
  type TicketBlock,
  type TextBlock,
  type QrBlock,
  type FeedBlock,
  type CutBlock,
  type RasterBlock,
  type PaperWidth,
  type Align,
} from './printer/ticket-layout';
export { encodeTicket, escpos } from './printer/escpos-encoder';
export {
  VirtualPrinter,
  EscPosDecoder,
  statusByte,
  ticketSummary,
  type VirtualPrinterOptions,
  type PrintedTicket,
  type PrintedLine,
  type PrintedRaster,
  type PrintedItem,
} from './printer/virtual-printer';
export { ticketPng } from './printer/ticket-png';
export {
  PrinterError,
  PrinterOfflineError,
  PrinterTimeoutError,
  PaperOutError,
  isPaperEnd,
  type PrinterStatus,
} from './printer/printer-errors';
export { printTicket, printerStatus, type PrinterAddress, type PrintOptions } from './printer/network-printer';
export { printSerial, serialStatus, type SerialAddress } from './printer/serial-printer';
export { printSystem, systemPrinterStatus } from './printer/system-printer';
export {
  openTicketPrinter,
  parsePrinterUri,
  PrinterUriError,
  type TicketPrinter,
  type TicketPrinterOptions,
  type PrinterTarget,
} from './printer/ticket-printer';
export { commonBoardProtocol, bcc } from './locker/common-board-protocol';
export { LockFrameError, type LockProtocol, type LockCommand, type LockReply } from './locker/lock-protocol';
export {
  LockBoardError,
  LockBoardPortError,
  LockBoardTimeoutError,
  LockBoardProtocolError,
} from './locker/lock-errors';
export {
  openLockBoard,
  openLockBus,
  lockBusOn,
  type LockBoard,
  type LockBus,
  type LockBusOptions,
  type LockPort,
} from './locker/lock-board';
export {
  LockBoardSimulator,
  SimulatedLockBoard,
  type LockBoardSimulatorOptions,
  type LockBoardSimulatorEvents,
  type LockDoorEvent,
} from './locker/lock-board-simulator';
export {
  startLockerService,
  keepLockerService,
  type LockerService,
  type LockerServiceOptions,
  type LockerSettings,
} from './locker/locker-service';
export {
  openIdCardReader,
  idCardReaderOn,
  type IdCardReader,
  type IdCardReaderOptions,
  type IdCardPort,
} from './id-card/id-card-reader';
export { CardWatch, type CardWatchEvents, type CardWatchOptions } from './id-card/card-watch';
export {
  maskedName,
  idLastFour,
  hasValidCheckDigit,
  decodeBaseInfo,
  IdCardRecordError,
  NO_EXPIRY,
  type IdCardRecord,
} from './id-card/id-card-data';
export { NATIONS } from './id-card/nations';
export {
  cardKeys,
  idNumberHash,
  sealCardProof,
  openCardProof,
  CardProofError,
  type CardKeys,
  type CardIdentity,
} from './id-card/card-proof';
export {
  statusOf,
  ID_CARD_STATUS,
  type IdCardStatus,
  type IdCardStatusName,
  type IdCardCommandName,
} from './id-card/id-card-protocol';
export {
  IdCardReaderError,
  IdCardNoCardError,
  IdCardRemovedError,
  IdCardChecksumError,
  IdCardTimeoutError,
  IdCardPortGoneError,
  IdCardBadRecordError,
  IdCardStatusError,
} from './id-card/id-card-errors';
export {
  openSmsModem,
  smsModemOn,
  SmsModem,
  type SmsModemOptions,
  type SmsModemEvents,
  type SmsMessage,
  type SmsSent,
  type SignalQuality,
  type Registration,
  type RegistrationState,
} from './sms/sms-modem';
export {
  SmsModemError,
  SmsNoSimError,
  SmsSimLockedError,
  SmsNotRegisteredError,
  SmsSendFailedError,
  SmsModemTimeoutError,
  SmsPortGoneError,
  SmsCommandError,
  cmsMeaning,
} from './sms/sms-errors';
export { normalisePhoneNumber } from './sms/sms-address';
export { smsSendFailure, type SmsSendFailure } from './sms/send-failure';
export { startNoticeAgent, type NoticeAgent, type NoticeAgentOptions, type NoticeAgentModem } from './sms/notice-agent';
export { splitSms, encodeSubmit, PART_LIMITS, type SmsEncoding, type SmsSplit, type SubmitPdu } from './sms/sms-pdu';
export { decodeStatusReport, deliveryState, type StatusReport, type DeliveryState } from './sms/sms-status-report';
