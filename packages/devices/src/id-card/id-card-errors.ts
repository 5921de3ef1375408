import { SerialDeviceError } from '../serial/device-error';
import type { IdCardStatus } from './id-card-protocol';

/** Every failure of the ID-card reader. Messages name the port and the step, never what the card holds. */
export class IdCardReaderError extends SerialDeviceError {}
/** Nothing lies on the reader. */
export class IdCardNoCardError extends IdCardReaderError {}
/** A card was found, but taken away before it could be selected or read: ask the person to leave it on. */
export class IdCardRemovedError extends IdCardReaderError {}
/** An answer arrived with a wrong check byte (line noise); the next read starts afresh. */
export class IdCardChecksumError extends IdCardReaderError {}
/** The reader did not answer a command in time. */
export class IdCardTimeoutError extends IdCardReaderError {}
/** The port could not be opened, failed, or was closed or unplugged: nothing more can be sent on it. */
export class IdCardPortGoneError extends IdCardReaderError {}
/** The card was read, but its text is not a valid card (e.g. the ID number's check digit fails): refuse it. */
export class IdCardBadRecordError extends IdCardReaderError {}
/** The reader answered with a status the read cannot go on from (its module failed its self-test, a card it cannot read …). */
export class IdCardStatusError extends IdCardReaderError {
  constructor(
    message: string,
    path: string,
    readonly status: IdCardStatus,
  ) {
    super(message, path);
  }
}
