// A printer known to the system's print spooler (CUPS), e.g. a USB receipt printer. The job goes through
// node-thermal-printer's `printer:` interface with a driver that shells out to `lp -o raw`, standing in for the
// native `printer` module it expects (which does not build here). Only `printDirect` is needed: with a fixed name
// the interface never lists printers, and status is read from `lpstat` asynchronously rather than through the
// driver's synchronous getPrinter, which would block the kiosk's main process.
import { execFile, spawn } from 'node:child_process';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PrinterError, PrinterOfflineError, PrinterTimeoutError, type PrinterStatus } from './printer-errors';

// lp and lpstat translate their messages; the C locale keeps lpstat's wording parseable on a Chinese desktop.
const commandEnv = () => ({ ...process.env, LC_ALL: 'C' });

const uri = (name: string) => `printer:${name}`;

/** What node-thermal-printer's printer interface hands its driver. */
interface PrintDirectJob {
  data: Buffer;
  printer: string;
  success: (jobId: string) => void;
  error: (err: Error) => void;
}

function lpDriver(timeoutMs: number) {
  return {
    printDirect(job: PrintDirectJob): void {
      const child = spawn('lp', ['-d', job.printer, '-o', 'raw'], { env: commandEnv(), timeout: timeoutMs });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      // lp exiting early closes its stdin; the exit code below says why.
      child.stdin.on('error', () => {});
      child.on('error', (cause) =>
        job.error(new PrinterError(`cannot run lp for ${job.printer}: ${cause.message}`, uri(job.printer), { cause })),
      );
      // Killed for taking too long: said at exit, as anything lp started may still hold its output open.
      child.on('exit', (_code, signal) => {
        if (signal !== null) {
          job.error(
            new PrinterTimeoutError(`lp for ${job.printer} did not finish within ${timeoutMs} ms`, uri(job.printer)),
          );
        }
      });
      child.on('close', (code) => {
        if (code === null) return;
        if (code !== 0) {
          job.error(
            new PrinterOfflineError(`lp refused the job for ${job.printer}: ${stderr.trim()}`, uri(job.printer)),
          );
        } else {
          job.success(stdout.trim());
        }
      });
      child.stdin.end(job.data);
    },
  };
}

/** `lpstat -p NAME`: ready when the queue is enabled and idle or printing. */
export function systemPrinterStatus(name: string, timeoutMs = 2000): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    execFile('lpstat', ['-p', name], { env: commandEnv(), timeout: timeoutMs }, (err, stdout) => {
      const ready = err === null && /^printer \S+ (is idle|now printing \S+)\.\s+enabled\b/m.test(stdout);
      resolve(ready ? 'ready' : 'offline');
    });
  });
}

/** Queues raw ESC/POS bytes on a system printer once lpstat says it is ready. */
export async function printSystem(
  bytes: Uint8Array,
  name: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5000;
  // lp queues a job even for a stopped printer; the citizen would be told it printed.
  if ((await systemPrinterStatus(name, timeoutMs)) !== 'ready') {
    throw new PrinterOfflineError(`system printer ${name} is not enabled and ready (lpstat -p ${name})`, uri(name));
  }
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: uri(name),
    driver: lpDriver(timeoutMs),
  });
  await printer.raw(Buffer.from(bytes));
}
