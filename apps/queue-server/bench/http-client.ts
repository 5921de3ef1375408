import { Agent, request } from 'node:http';

export interface JsonReply {
  status: number;
  body: any;
}

/**
 * A keep-alive JSON client over node:http for one device (a kiosk, a window's counter panel) or a pool of them.
 * `connections` bounds the sockets it keeps open to the server: one per device, like the real hardware.
 */
export class JsonClient {
  readonly agent: Agent;

  constructor(
    private readonly base: URL,
    private readonly token: string | undefined,
    connections = 1,
  ) {
    if (base.hostname !== '127.0.0.1') throw new Error('the benchmark only talks to 127.0.0.1');
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  post(path: string, body: unknown, timeoutMs = 10_000): Promise<JsonReply> {
    return this.send('POST', path, JSON.stringify(body), timeoutMs);
  }

  get(path: string, timeoutMs = 10_000): Promise<JsonReply> {
    return this.send('GET', path, undefined, timeoutMs);
  }

  private send(method: string, path: string, payload: string | undefined, timeoutMs: number): Promise<JsonReply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers,
          agent: this.agent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
