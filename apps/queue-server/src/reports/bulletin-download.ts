import type { BulletinQuery, HallConfig, StaffConfig } from '@hallq/shared/contracts';
import { XLSX_MEDIA_TYPE } from '@hallq/shared/contracts';
import type { FileReply } from '../http/register-route';
import type { Reports } from '../service/reports';
import { bulletinWorkbook } from './bulletin-workbook';

/**
 * The month's bulletin as the .xlsx file the office downloads: the bulletin and the month's empty posts from the
 * report worker, in the caller's scope, made into the workbook. The file is named by the month (and the department
 * for a chief representative's): nothing personal in a name the browser keeps.
 */
export async function bulletinDownload(
  reports: Reports,
  hall: HallConfig,
  query: BulletinQuery,
  staff: StaffConfig,
): Promise<FileReply> {
  const bulletin = await reports.bulletin(query, staff);
  const emptyPosts = await reports.emptyPosts({ from: bulletin.from, to: bulletin.to }, staff);
  const content = await bulletinWorkbook(bulletin, emptyPosts.intervals, hall);
  const part = bulletin.scope.kind === 'department' ? `-${bulletin.scope.department}` : '';
  return {
    status: 200,
    file: {
      contentType: XLSX_MEDIA_TYPE,
      filename: `bulletin-${query.month}${part}.xlsx`,
      localName: `月度通报-${query.month}${part}.xlsx`,
      content,
    },
  };
}
