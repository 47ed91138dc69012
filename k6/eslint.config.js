// Lint for the k6 scripts (k6 globals) and the Node shim that runs them where k6 cannot.
import { base } from '@tessera/config/eslint';

export default [
  ...base,
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: { __ENV: 'readonly', __VU: 'readonly', __ITER: 'readonly', open: 'readonly' },
    },
    rules: { 'no-console': 'off' },
  },
  { files: ['runner/**/*.mjs'], rules: { 'no-console': 'off' } },
];
