import { SerialDeviceError } from '../serial/device-error';

/** Every failure of the SMS modem; `path` is the modem's serial device, e.g. "/dev/ttyUSB2". */
export class SmsModemError extends SerialDeviceError {}

/** No SIM in the modem (AT+CPIN? answered +CME ERROR: 10, or a send +CMS ERROR: 310). */
export class SmsNoSimError extends SmsModemError {}

/** The SIM is locked: someone must enter its PIN (or PUK) once, or turn the PIN off in a phone. */
export class SmsSimLockedError extends SmsModemError {
  constructor(
    message: string,
    path: string,
    /** What +CPIN reported, e.g. "SIM PIN" or "SIM PUK". */
    readonly lock: string,
  ) {
    super(message, path);
  }
}

/** The modem has no network: not registered, searching, or refused by the operator. */
export class SmsNotRegisteredError extends SmsModemError {
  constructor(
    message: string,
    path: string,
    readonly state: string,
  ) {
    super(message, path);
  }
}

/** The modem or the network refused the message: +CMS ERROR with its code. */
export class SmsSendFailedError extends SmsModemError {
  constructor(
    path: string,
    readonly cmsCode: number | null,
    /** The parts that went out before the failure, by their message reference. */
    readonly sentReferences: number[] = [],
  ) {
    super(
      cmsCode === null
        ? `${path} refused the message (ERROR)`
        : `${path} could not send the message: +CMS ERROR ${cmsCode} (${cmsMeaning(cmsCode)})`,
      path,
    );
  }

  get meaning(): string {
    return this.cmsCode === null ? 'refused' : cmsMeaning(this.cmsCode);
  }
}

/** The modem did not finish answering a command in time. */
export class SmsModemTimeoutError extends SmsModemError {}

/** The serial port could not be opened, failed, or went away (USB modem unplugged) while in use. */
export class SmsPortGoneError extends SmsModemError {}

/** The modem answered a command other than the SMS errors above: ERROR or +CME ERROR. */
export class SmsCommandError extends SmsModemError {
  constructor(
    readonly command: string,
    path: string,
    /** The +CME ERROR code (TS 27.007 clause 9.2), null for a bare ERROR. */
    readonly cmeCode: number | null,
  ) {
    super(`${path} refused ${command}: ${cmeCode === null ? 'ERROR' : `+CME ERROR ${cmeCode}`}`, path);
  }
}

/**
 * +CMS ERROR codes: 1–127 are RP causes of TS 24.011 annex E-2, 128–255 TP-FCS values of TS 23.040 clause
 * 9.2.3.22, 300–500 the modem's own of TS 27.005 clause 3.2.5.
 */
const CMS_MEANINGS: ReadonlyMap<number, string> = new Map([
  [1, 'unassigned number'],
  [8, 'operator determined barring'],
  [10, 'call barred'],
  [21, 'short message transfer rejected'],
  [27, 'destination out of service'],
  [28, 'unidentified subscriber'],
  [29, 'facility rejected'],
  [30, 'unknown subscriber'],
  [38, 'network out of order'],
  [41, 'temporary failure'],
  [42, 'congestion'],
  [47, 'resources unavailable'],
  [50, 'requested facility not subscribed'],
  [69, 'requested facility not implemented'],
  [81, 'invalid short message transfer reference value'],
  [95, 'invalid message'],
  [96, 'invalid mandatory information'],
  [97, 'message type non-existent or not implemented'],
  [98, 'message not compatible with short message protocol state'],
  [99, 'information element non-existent or not implemented'],
  [111, 'protocol error'],
  [127, 'interworking error'],
  [128, 'telematic interworking not supported'],
  [129, 'short message type 0 not supported'],
  [130, 'cannot replace short message'],
  [143, 'unspecified TP-PID error'],
  [144, 'data coding scheme not supported'],
  [145, 'message class not supported'],
  [159, 'unspecified TP-DCS error'],
  [160, 'command cannot be actioned'],
  [161, 'command unsupported'],
  [175, 'unspecified TP-Command error'],
  [176, 'TPDU not supported'],
  [192, 'SC busy'],
  [193, 'no SC subscription'],
  [194, 'SC system failure'],
  [195, 'invalid SME address'],
  [196, 'destination SME barred'],
  [197, 'SM rejected, duplicate SM'],
  [198, 'TP-VPF not supported'],
  [199, 'TP-VP not supported'],
  [208, 'SIM SMS storage full'],
  [209, 'no SMS storage capability in SIM'],
  [210, 'error in MS'],
  [211, 'memory capacity exceeded'],
  [212, 'SIM application toolkit busy'],
  [213, 'SIM data download error'],
  [255, 'unspecified error cause'],
  [300, 'ME failure'],
  [301, 'SMS service of ME reserved'],
  [302, 'operation not allowed'],
  [303, 'operation not supported'],
  [304, 'invalid PDU mode parameter'],
  [305, 'invalid text mode parameter'],
  [310, 'SIM not inserted'],
  [311, 'SIM PIN required'],
  [312, 'PH-SIM PIN required'],
  [313, 'SIM failure'],
  [314, 'SIM busy'],
  [315, 'SIM wrong'],
  [316, 'SIM PUK required'],
  [317, 'SIM PIN2 required'],
  [318, 'SIM PUK2 required'],
  [320, 'memory failure'],
  [321, 'invalid memory index'],
  [322, 'memory full'],
  [330, 'SMSC address unknown'],
  [331, 'no network service'],
  [332, 'network timeout'],
  [340, 'no +CNMA acknowledgement expected'],
  [500, 'unknown error'],
]);

export function cmsMeaning(code: number): string {
  const known = CMS_MEANINGS.get(code);
  if (known !== undefined) return known;
  if (code >= 512) return 'manufacturer specific';
  return code < 128 ? 'network error' : code < 256 ? 'TPDU error' : 'modem error';
}
