import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'dist-action/**', 'coverage/**', 'bench/.corpus/**', 'test-artifacts/**', '.tmp-*', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A scanner matches control characters on purpose: binary detection, escaping file names for terminals.
      'no-control-regex': 'off',
    },
  },
);
