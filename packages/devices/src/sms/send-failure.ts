import { SmsModemTimeoutError, SmsPortGoneError, SmsSendFailedError } from './sms-errors';

/**
 * +CMS ERROR causes that no retry mends (TS 24.011 annex E-2, TS 23.040 clause 9.2.3.22): the number does not exist,
 * is barred, or the message itself is refused. Everything else (network out of order, congestion, no service) may pass.
 */
const PERMANENT_CMS = new Set([1, 8, 10, 21, 28, 29, 30, 50, 95, 96, 97, 99, 195, 196]);

/** A failed send in words fit for the hall's manager (never the number or the text), and what to do next. */
export interface SmsSendFailure {
  message: string;
  /** Whether another try may help. */
  retry: boolean;
  /** The failure is the modem's (no network, no SIM, the port), not this message's: other messages fail alike. */
  ofModem: boolean;
  /** The port went away or the modem stopped answering: close it and open it afresh. */
  lineLost: boolean;
}

/** What a sender makes of the driver's error from `SmsModem.send`. */
export function smsSendFailure(error: unknown): SmsSendFailure {
  if (error instanceof SmsSendFailedError)
    return {
      message:
        error.cmsCode === null ? 'the modem refused the message' : `+CMS ERROR ${error.cmsCode}: ${error.meaning}`,
      retry: error.cmsCode === null || !PERMANENT_CMS.has(error.cmsCode),
      ofModem: false,
      lineLost: false,
    };
  // The driver's check of the number: the number (personal) is not repeated.
  if (error instanceof RangeError)
    return { message: 'the phone number is not one an SMS can go to', retry: false, ofModem: false, lineLost: false };
  // The driver's messages name the port and the modem's answer, never the message.
  return {
    message: error instanceof Error ? error.message : String(error),
    retry: true,
    ofModem: true,
    lineLost: error instanceof SmsPortGoneError || error instanceof SmsModemTimeoutError,
  };
}
