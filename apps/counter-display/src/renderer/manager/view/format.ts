/** Times as the hall reads them: in the hall's time zone when known (a console may run on a laptop set elsewhere). */
export const time = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone });
export const dateTime = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
/** With the year: the archive spans more than one. */
export const fullDateTime = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
