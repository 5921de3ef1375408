import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHallLog, rollingFile } from './logger';

const ROLLED = /^hallq\.\d{4}-\d{2}-\d{2}\.(\d+)\.log$/;

function logFiles(dir: string): { number: number; text: string }[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: ROLLED.exec(name) }))
    .filter(({ match }) => match !== null)
    .map(({ name, match }) => ({ number: Number(match![1]), text: readFileSync(join(dir, name), 'utf8') }))
    .sort((a, b) => a.number - b.number);
}

describe('the rotating log file', () => {
  it('starts a new file past the size and keeps only the newest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-logs-'));
    const stream = await rollingFile(dir, { size: '1k', count: 3 });
    for (let i = 1; i <= 6; i++) {
      // Each line alone fills a file, so each rolls one over.
      const rolled = once(stream, 'cleanup-complete');
      stream.write(`${JSON.stringify({ line: i, pad: 'x'.repeat(1100) })}\n`);
      await rolled;
    }
    stream.end();
    const files = logFiles(dir);
    expect(files.map((f) => f.number)).toEqual([5, 6, 7]);
    expect(files.map((f) => f.text.match(/"line":(\d)/)?.[1])).toEqual(['5', '6', undefined]);
  });

  it('keeps the lines of a previous run when the server starts again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-logs-'));
    const first = await rollingFile(dir, { size: '1k', count: 3 });
    const rolled = once(first, 'cleanup-complete');
    first.write(`${JSON.stringify({ run: 1, pad: 'x'.repeat(1100) })}\n`);
    await rolled;
    first.end();
    const second = await rollingFile(dir, { size: '1k', count: 3 });
    second.write(`${JSON.stringify({ run: 2 })}\n`);
    second.end();
    const text = logFiles(dir)
      .map((f) => f.text)
      .join('');
    expect(text).toContain('"run":1');
    expect(text).toContain('"run":2');
  });
});

describe('the hall log', () => {
  async function linesAt(
    level: 'info' | 'debug',
    write: (log: Awaited<ReturnType<typeof openHallLog>>['log']) => void,
  ) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hallq-log-'));
    const opened = await openHallLog(dataDir, { level, console: false });
    write(opened.log);
    opened.close();
    return logFiles(join(dataDir, 'logs'))
      .flatMap((f) => f.text.trim().split('\n'))
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('writes the lines of its level and above, leaving debug lines out at info', async () => {
    const write = (log: Awaited<ReturnType<typeof openHallLog>>['log']) => {
      log.debug('a debug line');
      log.info('an info line');
      log.error('an error line');
    };
    expect((await linesAt('info', write)).map((l) => l.msg)).toEqual(['an info line', 'an error line']);
    expect((await linesAt('debug', write)).map((l) => l.msg)).toEqual([
      'a debug line',
      'an info line',
      'an error line',
    ]);
  });

  it('censors the fields that may hold personal data or a secret', async () => {
    const [line] = await linesAt('info', (log) =>
      log.info(
        {
          password: 'hunter2',
          req: { headers: { authorization: 'Bearer abc' }, url: '/t/0123?key=demo' },
          deposit: { phone: '13800138000', applicantName: '张三', idNumber: '110101199003074258' },
          pickup: { code: '123456' },
          window: 3,
        },
        'a careless line',
      ),
    );
    const text = JSON.stringify(line);
    for (const secret of ['hunter2', 'Bearer abc', '/t/0123', '13800138000', '张三', '110101199003074258', '123456'])
      expect(text).not.toContain(secret);
    expect(line).toMatchObject({ window: 3, password: '[redacted]', pickup: { code: '[redacted]' } });
  });
});
