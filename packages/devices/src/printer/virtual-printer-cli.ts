/**
 * A virtual ESC/POS network printer for the counter PC or a demo:
 *   tsx src/printer/virtual-printer-cli.ts [--port 9100] [--host 0.0.0.0] [--paper-out] [--slow-ms 0] [--full]
 *     [--png-dir DIR] [--paper 80|58]
 * Writes one line per ticket received to stdout (number, window type, printed time), or the whole ticket with --full.
 * With --png-dir it also saves a picture of each ticket there (Tibetan lines arrive as images: only a picture shows
 * them) and names the file.
 */
import { parseArgs } from 'node:util';
import { ticketSummary, VirtualPrinter } from './virtual-printer';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '0.0.0.0' },
    'paper-out': { type: 'boolean', default: false },
    'slow-ms': { type: 'string', default: '0' },
    full: { type: 'boolean', default: false },
    'png-dir': { type: 'string' },
    paper: { type: 'string', default: '80' },
  },
});

const port = Number(values.port);
const slowMs = Number(values['slow-ms']);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

if (values.paper !== '80' && values.paper !== '58') {
  console.error(`invalid --paper ${values.paper}: 80 or 58`);
  process.exit(2);
}

const printer = new VirtualPrinter({
  paperOut: values['paper-out'],
  slowMs: Number.isFinite(slowMs) ? slowMs : 0,
  pngDir: values['png-dir'],
  paperWidth: values.paper === '58' ? 58 : 80,
});
printer.on('ticket', (ticket) => {
  process.stdout.write(values.full ? `${ticket.text}\n\n` : `printed ${ticketSummary(ticket)}\n`);
  if (ticket.pngFile) process.stdout.write(`saved ${ticket.pngFile}\n`);
});
const address = await printer.listen(port, values.host).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`port ${port} is in use: another virtual printer running? stop it or choose --port`);
  } else console.error(`the virtual printer cannot listen on ${values.host}:${port}: ${error.message}`);
  process.exit(1);
});
console.error(`virtual printer listening on ${address.host}:${address.port}`);

const stop = () => {
  void printer.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by `npm run hall`: stop when it ends, however it ends (its IPC channel closes).
if (process.send) process.once('disconnect', stop);
