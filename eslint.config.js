import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Renderer and phone-page code runs in a browser: Node-only modules must never reach it.
    files: ['apps/*/src/renderer/**/*.{ts,tsx}', 'apps/*/src/phone/**/*.{ts,tsx}', 'packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Node-only module in browser-side code.' },
            {
              group: ['fs', 'path', 'os', 'child_process', 'net', 'better-sqlite3', 'electron', 'serialport'],
              message: 'Node-only module in browser-side code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shell logic runs and is tested in plain Node, where Electron cannot be loaded: only the thin entry points import it.
    files: ['apps/*/src/main/**/*.ts', 'packages/shell/src/**/*.ts'],
    ignores: ['apps/*/src/main/main.ts', 'apps/*/src/main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Electron is imported only by main.ts and preload.ts.' }] },
      ],
    },
  },
);
