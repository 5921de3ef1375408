import type { Download } from '@hallq/shared/client';

/** Saves a downloaded file under the name the server gave it (a link could not have sent the staff token). */
export function saveFile(file: Download): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  URL.revokeObjectURL(url);
}
