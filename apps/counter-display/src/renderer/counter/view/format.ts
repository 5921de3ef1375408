/** 07:05 for seven minutes five seconds; 1:02:03 past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** HH:MM of an instant on the hall's clock. */
export function clockTime(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(at),
  );
}

/**
 * An applicant's name as staff screens and the server keep it (PIPL): 张三 → 张*, 欧阳娜娜 → 欧***. The domain's rule,
 * whose counterpart the server's deposit contract checks; '' when the name does not begin with a letter.
 */
export { maskName } from '@hallq/shared/domain';

/** An 11-digit mobile number as the clerk is shown it back: 138****5678. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
