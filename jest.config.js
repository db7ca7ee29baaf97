/**
 * One jest run for every workspace. Sources and tests are transpiled by swc (types are
 * checked by `tsc -b` in `npm test`); ESM-only dependencies are transpiled too, because
 * jest's module registry does not load ES modules from CommonJS.
 */
const esmOnly = ['canonicalize', 'bpmn-moddle', 'dmn-moddle', 'moddle', 'moddle-xml', 'min-dash', 'saxen', 'feelin', 'lezer-feel', '@lezer', 'zeebe-bpmn-moddle', 'temporal-polyfill', 'temporal-spec', 'temporal-utils', 'file-type', 'strtok3', 'token-types', '@tokenizer/inflate', 'uint8array-extras', '@borewit/text-codec'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/contract', '<rootDir>/engine', '<rootDir>/gateway', '<rootDir>/forms', '<rootDir>/plugins', '<rootDir>/processes', '<rootDir>/server', '<rootDir>/designer', '<rootDir>/web', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts', '**/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@dealerflow/designer/lint/node$': '<rootDir>/designer/src/lint/index.ts',
    // the engine's second entry point, from source like the first, so both share the port's error classes
    '^@dealerflow/engine/dist/zeebe$': '<rootDir>/engine/src/zeebe/index.ts',
    '^@dealerflow/([a-z]+)$': '<rootDir>/$1/src/index.ts',
    // a dynamic import() names the compiled file (`./x.js`, as Node's ESM loader wants); under jest it is the source
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['reflect-metadata', '<rootDir>/server/test/support/checkResponses.ts'],
  // Generous: a test file first starts a server on a fresh database with the demo cases, which takes long on a busy 2-core machine.
  testTimeout: 90000,
  // Two workers on two cores: most of a test's time is spent waiting on servers, databases and the browser.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tools/summaryReporter.js'],
};
