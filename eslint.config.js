import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

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
    files: electronShellFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests of the shell replace Electron's API at the module boundary (vi.mock('electron')).
    files: ['test/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
