/** The hall's wall clock: "09:05" and "5月6日 星期二", in the hall's time zone whatever the screen's own. */
export function clockText(now: number, timeZone: string): { time: string; date: string } {
  const at = new Date(now);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', weekday: 'long' });
  return { time: time.format(at), date: date.format(at) };
}
