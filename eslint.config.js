import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.{ts,tsx}', '**/test/**', '**/test-services.ts'];

/**
 * The package seams every file keeps: another app or package is reached by its name and its `exports`, never by a path
 * into its `src` (which would pull its internals, and its dependencies, into a place that does not declare them).
 */
const SEAMS = [
  {
    group: ['**/apps/*/src/**', '**/packages/*/src/**', '@hallq/*/src/**'],
    message: "Another app's or package's src: import the package by its name (@hallq/…) and its exports.",
  },
  {
    // A sibling reached by climbing out of this package (`../../../../queue-server/src/…`) names no apps/ or packages/.
    regex: '^(\\.\\./)+[^./][^/]*/src(/|$)',
    message: "Another app's or package's src: import the package by its name (@hallq/…) and its exports.",
  },
];

const NODE_ONLY = [
  { group: ['node:*'], message: 'Node-only module in browser-side code.' },
  {
    group: ['fs', 'path', 'os', 'child_process', 'net', 'better-sqlite3', 'electron', 'serialport'],
    message: 'Node-only module in browser-side code.',
  },
];

/** The rule's setting for a group of files: the seams, plus what that group may not import besides. */
const restrictedImports = ({ paths = [], patterns = [] } = {}) => [
  'error',
  { paths, patterns: [...SEAMS, ...patterns] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': restrictedImports(),
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // `no-restricted-imports` takes the setting of the last block that matches a file, so each block below lists all
  // that its files may not import.
  {
    // Renderer and phone-page code runs in a browser: Node-only modules must never reach it.
    files: ['apps/*/src/renderer/**/*.{ts,tsx}', 'apps/*/src/phone/**/*.{ts,tsx}', 'packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({ patterns: NODE_ONLY }),
      // Pages are served over plain http on the hall's LAN: not a secure context, so randomUUID is undefined there.
      'no-restricted-properties': [
        'error',
        { object: 'crypto', property: 'randomUUID', message: 'Use newRequestId from @hallq/shared/client.' },
      ],
    },
  },
  {
    // Nor do the Node-only packages; a page's tests may load the demo hall file.
    files: ['apps/*/src/renderer/**/*.{ts,tsx}', 'apps/*/src/phone/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports({
        patterns: [
          ...NODE_ONLY,
          {
            group: ['@hallq/hall-file', '@hallq/devices', '@hallq/devices/*'],
            message: 'Node-only package in a page.',
          },
        ],
      }),
    },
  },
  {
    // The one Node-only helper of the shared package, for tests and benchmarks that start servers in other processes:
    // exported on its own path (`@hallq/shared/testing/free-port`), never through an index a page could load.
    files: ['packages/shared/src/testing/free-port.ts'],
    rules: { 'no-restricted-imports': restrictedImports() },
  },
  {
    // The domain is pure: zod, its own folder and the hall config schema, nothing else (no I/O, no contracts).
    files: ['packages/shared/src/domain/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports({
        patterns: [
          {
            regex: '^(?!zod$|\\./[^/]+$|\\.\\./config/hall-config$)',
            message: 'The domain imports only zod, its own folder and ../config/hall-config.',
          },
        ],
      }),
    },
  },
  {
    // A part of the domain in a folder of its own (statistics/): the same boundary, one level down.
    files: ['packages/shared/src/domain/*/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports({
        patterns: [
          {
            regex: '^(?!zod$|\\./[^/]+$|\\.\\./[^/]+$|\\.\\./\\.\\./config/hall-config$)',
            message: 'The domain imports only zod, the domain and ../../config/hall-config.',
          },
        ],
      }),
    },
  },
  {
    // Test fixtures stay out of the running server.
    files: ['apps/queue-server/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: [{ name: '@hallq/shared/testing', message: 'Test fixtures are for tests, not the server.' }],
      }),
    },
  },
  {
    // Shell logic runs and is tested in plain Node, where Electron cannot be loaded: only the thin entry points import it.
    files: ['apps/*/src/main/**/*.ts', 'packages/shell/src/**/*.ts'],
    ignores: ['apps/*/src/main/main.ts', 'apps/*/src/main/preload.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: [{ name: 'electron', message: 'Electron is imported only by main.ts and preload.ts.' }],
      }),
    },
  },
);
