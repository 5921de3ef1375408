/**
 * The pages a shell shows from itself, as data: URLs, when its page on the queue server cannot be shown. No script:
 * the main process does the retrying. Trilingual like the hall; these few lines live here because the shell shows
 * them before any catalogue could be loaded from the server. The wording fits every HallQ screen: kiosk, hall
 * display, window screen, rating pad and clerk's PC.
 */

const page = (body: string) =>
  'data:text/html;charset=utf-8,' +
  encodeURIComponent(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>HallQ</title><style>
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:24px;
background:#f3f6fa;color:#1a1a1a;text-align:center;
font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Noto Sans Tibetan","Noto Serif Tibetan",sans-serif}
h1{font-size:56px;margin:0;color:#b3121f}p{font-size:32px;margin:0}[lang=bo]{line-height:1.8}
pre{font-size:22px;text-align:left;white-space:pre-wrap}
</style></head><body>${body}</body></html>`);

/** While the queue server cannot be reached. */
export function connectingPageUrl(): string {
  return page(`<h1>正在连接大厅服务器…</h1>
<p lang="bo">ཚོགས་ཁང་གི་ཞབས་ཞུ་འཕྲུལ་ཆས་ལ་འབྲེལ་མཐུད་བྱེད་བཞིན་པ…</p>
<p lang="en">Connecting to the hall server…</p>
<p>请稍候 · Please wait</p>`);
}

/** The shell cannot start (its settings file is missing or wrong): for the installer, so it says what to fix. */
export function outOfServicePageUrl(message: string): string {
  return page(`<h1>本机暂停服务</h1>
<p lang="bo">འཕྲུལ་ཆས་འདི་གནས་སྐབས་བཀོལ་སྤྱོད་མི་ཐུབ།</p>
<p lang="en">This device is out of service</p>
<pre>${escapeHtml(message)}</pre>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
