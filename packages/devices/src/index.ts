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
  type TicketPrint,
  type TicketLabels,
  type TicketBlock,
  type TextBlock,
  type QrBlock,
  type FeedBlock,
  type CutBlock,
  type PaperWidth,
  type Align,
} from './printer/ticket-layout';
export { encodeTicket, qrCommands, escpos } from './printer/escpos-encoder';
export {
  VirtualPrinter,
  EscPosDecoder,
  statusByte,
  type VirtualPrinterOptions,
  type PrintedTicket,
  type PrintedLine,
} from './printer/virtual-printer';
export {
  printTicket,
  printerStatus,
  isPaperEnd,
  PrinterError,
  PrinterOfflineError,
  PrinterTimeoutError,
  PaperOutError,
  type PrinterAddress,
  type PrintOptions,
  type PrinterStatus,
} from './printer/network-printer';
