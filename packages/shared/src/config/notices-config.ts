import { z } from 'zod';
import { EndpointToken, endpointUrl } from './outside-endpoint';

const PLACEHOLDERS = ['{{phone}}', '{{text}}'] as const;

/** Every string inside a JSON value, at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The 短信猫 (GSM/4G modem) on the server PC's serial or USB-serial port. */
export const NoticeModemConfig = z
  .object({
    /** The modem's AT port, e.g. /dev/ttyUSB2 or COM3 (a USB modem has several; its manual names the AT one). */
    path: z.string().min(1, 'must name the modem port, e.g. /dev/ttyUSB2'),
    baudRate: z.number().int().positive().default(115200),
    /** Ask the network for delivery reports: a notice is erased once reported delivered. */
    deliveryReports: z.boolean().default(true),
  })
  .strict();
export type NoticeModemConfig = z.infer<typeof NoticeModemConfig>;

/** An HTTP SMS gateway (the operator's or the province's platform) that takes one notice per POST. */
export const NoticeGatewayConfig = z
  .object({
    /** Where each notice is POSTed: the phone and the text go in the body only, so the URL carries no query. */
    url: endpointUrl('https://sms.example.gov.cn/api/send', 'notices.gateway.token'),
    /** Sent as `Authorization: Bearer <token>`; never logged, never shown on a screen. */
    token: EndpointToken.optional(),
    /** The JSON body, its strings' {{phone}}, {{text}} and {{id}} replaced by the notice's (the id is stable across tries). */
    body: z
      .record(z.string(), z.json())
      .default({ phone: '{{phone}}', text: '{{text}}', id: '{{id}}' })
      .refine(
        (body) => PLACEHOLDERS.every((p) => stringsIn(body).some((s) => s.includes(p))),
        'must carry {{phone}} and {{text}} in its strings',
      ),
    /** A request the gateway has not answered by then has failed (and is tried again). */
    timeoutSeconds: z.number().positive().max(300).default(10),
  })
  .strict();
export type NoticeGatewayConfig = z.infer<typeof NoticeGatewayConfig>;

/**
 * How notices reach citizens (the pickup code of a locker, an overdue reminder). `window` (the default) sends nothing:
 * each notice waits for the window, whose clerk phones the citizen and marks it relayed.
 */
export const NoticesConfig = z
  .object({
    sender: z.enum(['window', 'modem', 'gateway', 'kiosk']).default('window'),
    modem: NoticeModemConfig.optional(),
    /**
     * With sender `kiosk`: the id of the kiosk (devices.kiosks) whose PC has the 短信猫, where the server has no mobile
     * signal. Its settings name the modem's port (`smsModem`); it takes the notices from the server and sends them.
     */
    kiosk: z.string().min(1, 'must be the id of a kiosk in devices.kiosks').optional(),
    gateway: NoticeGatewayConfig.optional(),
    /** The wait after a first failure; it doubles after each further one … */
    retrySeconds: z.number().positive().default(30),
    /** … up to this. */
    maxRetrySeconds: z.number().positive().default(1800),
    /** After this many failed tries a notice is `failed`: the manager resends it or hands it to the window. */
    maxAttempts: z.number().int().min(1).max(100).default(6),
    /** Remind the citizen once when an item has waited in the locker past the hall's lockerOverdueDays. */
    overdueReminder: z.boolean().default(true),
    /**
     * Text the member of staff a 差评 follow-up is assigned to (their `phone` in staff), with the deadline of its
     * call-back; nothing of the citizen is in it.
     */
    followUpReminders: z.boolean().default(false),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.maxRetrySeconds < c.retrySeconds)
      ctx.addIssue({ code: 'custom', path: ['maxRetrySeconds'], message: 'must not be below retrySeconds' });
    if (c.sender === 'modem' && !c.modem)
      ctx.addIssue({ code: 'custom', path: ['modem'], message: 'is needed when sender is modem (its port at least)' });
    if (c.sender === 'kiosk' && !c.kiosk)
      ctx.addIssue({
        code: 'custom',
        path: ['kiosk'],
        message: 'is needed when sender is kiosk (the id of the kiosk whose PC has the modem)',
      });
    if (c.sender === 'gateway' && !c.gateway)
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: 'is needed when sender is gateway (its url at least)',
      });
  });
export type NoticesConfig = z.infer<typeof NoticesConfig>;
