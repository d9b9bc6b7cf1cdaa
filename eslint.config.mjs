import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Process boundaries (style.md): what each folder may import.
const noElectron = { paths: [{ name: 'electron', message: 'src/shared and src/core must run without Electron.' }] };
const rendererBan = {
  paths: [{ name: 'electron', message: 'The renderer talks to main only through window.desk (src/renderer/api).' }],
  patterns: [
    { group: ['node:*'], message: 'The renderer is a web page: no Node modules.' },
    {
      group: ['**/core/**', '**/core', '**/main/**', '**/main', '**/server/**'],
      message: 'The renderer may import only src/shared and its own files.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/shared/**/*.ts', 'src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', noElectron] } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', rendererBan] },
  },
  {
    files: ['src/server/**/*-cli.ts', 'bench/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
