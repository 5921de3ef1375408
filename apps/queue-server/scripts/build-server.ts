// Builds the server to plain JavaScript in dist/, for a service that starts without tsx: `node dist/main.js`.
// The workspace packages (@hallq/*) export TypeScript sources, so they are bundled in; the server's own npm
// dependencies stay external and load from node_modules (native better-sqlite3 among them). A workspace package's
// dependency that the server does not declare (yaml through @hallq/hall-file, i18next through @hallq/shared) is
// bundled too: pnpm links it only where that package can reach it, never beside dist/.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_HALL_PATH } from '@hallq/hall-file';
import { build } from 'esbuild';
import { z } from 'zod';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${PACKAGE_DIR}dist`;

const Manifest = z.object({ dependencies: z.record(z.string(), z.string()) });
const { dependencies } = Manifest.parse(JSON.parse(readFileSync(`${PACKAGE_DIR}package.json`, 'utf8')));
const external = Object.entries(dependencies)
  .filter(([, version]) => !version.startsWith('workspace:'))
  .map(([name]) => name);

rmSync(DIST, { recursive: true, force: true });
await build({
  absWorkingDir: PACKAGE_DIR,
  entryPoints: {
    main: 'src/main.ts',
    'report-worker': 'src/reports/report-worker.ts',
    backup: 'scripts/backup.ts',
    restore: 'scripts/restore.ts',
  },
  outdir: DIST,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A package named here is external with all its subpaths (`fastify/…`).
  external,
  // Every bundled file's `import.meta.url` is dist/<entry>.js, at another depth than the source it came from: the
  // modules that find files from it (serve-uis.ts, reports.ts, load-hall-config.ts) pick their path by this flag.
  define: { HALLQ_BUNDLED: 'true' },
  // yaml's Node build is CommonJS, and its require('process') has no `require` in an ES module: this gives it one.
  banner: {
    js: "import { createRequire as __hallqRequire } from 'node:module'; const require = __hallqRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Files the bundle reads at run time, copied beside it so that dist/ is one consistent snapshot (a pulled migration
// is not applied by an older build). migrate.ts's `./migrations/` holds from src/db/ and from dist/ alike.
cpSync(`${PACKAGE_DIR}src/db/migrations`, `${DIST}/migrations`, {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});
cpSync(`${PACKAGE_DIR}src/reports/worker-boot.mjs`, `${DIST}/worker-boot.mjs`);
cpSync(DEMO_HALL_PATH, `${DIST}/halls/demo-hall.yaml`);
