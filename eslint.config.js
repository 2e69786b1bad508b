import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Files allowed to import `electron`: the thin shell only (window, preload, Electron adapters). */
export const electronShellFiles = ['electron/shell/**/*.ts'];

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'Only the Electron shell (electron/shell/) may import electron: the core runs under plain Node.',
        },
      ],
    },
  ],
};

/**
 * ARCHITECTURE.md's layer table, one zone per row: files under `target` may not import from `from`.
 * Each layer imports only the ones below it; `test/architecture/lint-config.test.ts` proves a
 * crossing fails.
 */
const layers = [
  { target: 'shared', from: ['electron', 'renderer', 'scripts', 'test', 'bench'], message: 'shared/ runs anywhere: it imports zod only.' },
  { target: 'electron/core', from: ['electron/host', 'electron/mail-process', 'electron/shell', 'electron/security', 'renderer'], message: 'The core runs under plain Node and knows no transport, process or window.' },
  { target: 'electron/security', from: ['electron/core', 'electron/host', 'electron/mail-process', 'electron/shell', 'renderer', 'shared'], message: 'Security helpers import nothing of ours.' },
  { target: 'electron/host', from: ['electron/mail-process', 'electron/shell', 'renderer'], message: 'The browser host uses the core and shared/ only.' },
  { target: 'electron/mail-process', from: ['electron/host', 'electron/shell', 'electron/security', 'renderer'], message: 'The mail process uses the core and shared/ only.' },
  { target: 'electron/shell', from: ['electron/host', 'renderer'], message: 'The Electron shell uses the core, the mail process and shared/.' },
  { target: 'renderer', from: ['electron', 'scripts', 'test'], message: 'The renderer speaks to the core through the contract in shared/ only.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'drizzle/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'test/**/*.ts', 'bench/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      ...noElectron,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      // Dependencies are read as TypeScript; .vue files are linted themselves but not followed.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'renderer/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers.map(({ target, from, message }) => ({ target: `./${target}`, from: from.map((dir) => `./${dir}`), message })) }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: electronShellFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests of the shell replace Electron's API at the module boundary (vi.mock('electron')).
    files: ['test/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
