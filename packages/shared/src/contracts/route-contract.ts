import { z } from 'zod';

/**
 * Who may call a route. A rating pad's key works only for its own window's request, a locker's only for its own
 * compartments, `window_clerk` only for the window named by `:id`; `department_lead` is the manager, or a chief
 * representative (首席代表) whom the handler then holds to their own department. In words: ROUTE_AUTH_TEXT.
 */
export type RouteAuth =
  | 'public'
  | 'device'
  | 'issuer'
  | 'kiosk'
  | 'rating_pad'
  | 'locker'
  | 'staff'
  | 'window_clerk'
  | 'department_lead'
  | 'guide_desk'
  | 'manager';

/** Who may call a route, in words: the OpenAPI document and the server's 403s say it alike. */
export const ROUTE_AUTH_TEXT: Record<RouteAuth, string> = {
  public: 'none',
  device: 'a device key or a staff token',
  issuer: 'a kiosk key or a staff token',
  kiosk: 'a kiosk key',
  rating_pad: "the key of the rating pad at the request's window",
  locker: 'a locker key',
  staff: 'a staff token',
  window_clerk: 'the token of the clerk logged in at this window',
  department_lead: "a manager token, or a chief representative's for their own department",
  guide_desk: "a floor guide's or the manager's token (a clerk's where the hall lets clerks work the guide desk)",
  manager: 'a manager token',
};

export interface RouteContract {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  auth: RouteAuth;
  params?: z.ZodType;
  /** The query string of a GET (`?from=…&to=…`), each value a string as the URL carries it. */
  query?: z.ZodType;
  body?: z.ZodType;
  status: 200 | 201;
  response: z.ZodType;
  /**
   * The media type of the file a download route answers instead of JSON (the bulletin's .xlsx); its handler must
   * answer a file, and its `response` is the `DownloadedFile` the typed client's `download` hands back.
   */
  produces?: string;
  /** A body larger than the server's usual limit (64 KiB): an uploaded spreadsheet. */
  bodyLimit?: number;
}

/** What a download route (`produces`) hands the typed client: the file's bytes; the server sends no JSON for it. */
export const DownloadedFile = z.instanceof(Blob);

/** The Office Open XML workbook (.xlsx). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
