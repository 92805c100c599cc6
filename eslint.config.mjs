import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The boundaries of the house (docs/architecture.md): each rule names what it keeps apart.
const NO_LOCAL = { regex: '(^|/)local(/|$)', message: 'src/ never imports the offline host (local/): it only provides what Forge provides.' };
const NO_STATIC = { regex: '(^|/)static(/|$)', message: 'src/ never imports the Custom UI pages.' };
const PURE_CORE = [
  { regex: '^@forge/', message: 'The pure core (src/core) imports nothing from @forge/*: put platform calls in src/services or src/storage.' },
  {
    regex: '(^|/)(storage|services|jira|resolvers|rest-api|triggers|consumers)(/|$)',
    message: 'The pure core (src/core) depends on no storage, service or edge module.',
  },
  NO_LOCAL,
  NO_STATIC,
];

export default tseslint.config(
  { ignores: ['node_modules/', '.sandbox/', 'static/*/build/', 'coverage/', 'reports/', '.stryker-tmp/', 'docs/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_LOCAL, NO_STATIC] }] } },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: PURE_CORE }] } },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)src/(?!contract/)', message: 'Pages import only the contract (src/contract) from the app.' },
            { regex: '(^|/)local(/|$)', message: 'Pages never import the offline host.' },
            { regex: '^@forge/(?!bridge$)', message: 'Pages talk to the platform through @forge/bridge only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
