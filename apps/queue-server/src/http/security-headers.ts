import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** A Host header that is a plain host name or address with an optional port: safe to echo into a header value. */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The request's own host (its Host header), when it is well formed. */
export function requestHost(request: IncomingMessage): string | undefined {
  const host = request.headers.host;
  return host !== undefined && PLAIN_HOST.test(host) ? host.toLowerCase() : undefined;
}

/**
 * socket.io's WebSocket on the page's own host. CSP Level 3 lets 'self' match ws:/wss: on the same host, but older
 * phone browsers do not, so the host the page was loaded from is named as well.
 */
function sameHostSockets(request: IncomingMessage): string {
  const host = requestHost(request);
  return host === undefined ? "'self'" : `ws://${host} wss://${host}`;
}

/**
 * The security headers of every page and API answer. The pages are Vite builds served from this origin, with no
 * inline script or style: scripts, styles, fonts and voice clips come from 'self', socket.io connects to this host,
 * and the kiosk draws its ticket QR code as a data: image. Nothing may frame a page (a kiosk or a login in a
 * stranger's frame), and no address — the phone page's holds a ticket's status token — leaves in a Referer.
 * No upgrade-insecure-requests and no HSTS: the hall's LAN serves plain HTTP.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // Registered before any route, so every route (and the not-found answer) gets the headers.
  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'media-src': ["'self'"],
        'connect-src': ["'self'", (request) => sameHostSockets(request as IncomingMessage)],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}
