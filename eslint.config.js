import eslint from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
// The entries' files at the top of src/, beside their folders (src/cli/*, src/action/*).
const ENTRY_FILES = ['**/cli.js', '**/index.js'];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.strata/', 'examples/**/.strata/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Numbers print as themselves; what the rule is for is `undefined`, `null`, booleans and objects.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowAny: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'test/stand-in/terraform'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        module: 'writable',
      },
    },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // The same strict set as src/, less what only makes tests and tools noisier: a test indexes the arrays
      // it has just built and the maps it has just filled (a wrong `!` fails the test, which is the point);
      // callbacks such as `() => calls.push(x)` return a value nobody reads; messages of failed checks print
      // an `undefined` as well as a value; fixtures are trimmed with `delete`.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowAny: false, allowBoolean: false, allowNullish: true, allowRegExp: false, allowNever: false },
      ],
    },
  },
  {
    // Scripts are the project's tools; the tests may use them, never the reverse.
    files: ['scripts/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'Scripts and benchmarks do not import test code.' }] },
      ],
    },
  },
  {
    // The pure core and Terraform's output readers: no I/O, no toolkit, no environment, no layer above them.
    // Effects come in through parameters.
    files: ['src/core/**', 'src/terraform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'The core is pure: pass GitHub effects in from the entry.' },
            {
              group: ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((name) => `${name}/*`)],
              message: 'The core is pure: do I/O in an adapter and pass the result in.',
            },
            {
              group: ['**/adapters/*', '**/engine/*', '**/app/*', '**/cli/*', '**/action/*', ...ENTRY_FILES],
              message:
                'core and terraform import only each other: the layers above depend on them, not the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core reads no environment and no process state.' },
        { name: 'fetch', message: 'The core does no I/O.' },
        { name: 'require', message: 'The core loads no modules at run time.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'process', message: 'The core reads no environment.' },
        { object: 'globalThis', property: 'fetch', message: 'The core does no I/O.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'The core imports nothing at run time.' },
      ],
    },
  },
  {
    // The engine and the adapters sit below the use cases and the entries.
    files: ['src/engine/**', 'src/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/*', '**/cli/*', '**/action/*', ...ENTRY_FILES],
              message:
                'The engine and adapters are called by the use cases (app/) and entries, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/*', '**/action/*', ...ENTRY_FILES],
              message: 'Use cases are called by the entries (cli/, action/), never the reverse.',
            },
          ],
        },
      ],
    },
  },
);
