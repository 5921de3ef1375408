import type { BulletinQuery, StaffConfig } from '@hallq/shared/contracts';
import { XLSX_MEDIA_TYPE } from '@hallq/shared/contracts';
import type { FileReply } from '../http/register-route';
import type { Reports } from '../service/reports';

/**
 * The month's bulletin as the .xlsx file the office downloads, made by the report worker in the caller's scope. The
 * file is named by the month (and the department for a chief representative's): nothing personal in a name the
 * browser keeps.
 */
export async function bulletinDownload(reports: Reports, query: BulletinQuery, staff: StaffConfig): Promise<FileReply> {
  const content = await reports.bulletinWorkbook(query, staff);
  const part = staff.role === 'chief_representative' ? `-${staff.department}` : '';
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
