/**
 * Where a shell's window may go. The renderer is a web page people touch: a link, a redirect or a script must never
 * take the window off its own pages on its own server.
 */

/**
 * True only for the server's origin (scheme, host and port) and a path under one of `pathPrefixes` (each ending in
 * `/`, so `/kiosk/` does not let `/kiosk-admin` through). The URL is resolved first, so `..` cannot climb out.
 */
export function isAllowedUrl(url: string | undefined, serverUrl: string, pathPrefixes: readonly string[]): boolean {
  if (url === undefined) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return (
    target.origin === new URL(serverUrl).origin && pathPrefixes.some((prefix) => target.pathname.startsWith(prefix))
  );
}
