// One Jest configuration with two projects: fast unit tests next to the code, and
// end-to-end tests in test/ that talk to real PostgreSQL and Redis.
// Path aliases come from tsconfig.json so the two can never disagree.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const tsconfig = ts.parseConfigFileTextToJson(
  'tsconfig.json',
  readFileSync('tsconfig.json', 'utf8'),
).config;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  const key = '^' + alias.replace('/*', '/(.*)') + '$';
  moduleNameMapper[key] = '<rootDir>/' + target.replace('/*', '/$1');
}

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// NestJS ships ES modules only. Node runs them through require(esm), but Jest's own
// module loader cannot yet (before Node 24.9), so Jest compiles them to CommonJS.
const ESM_PACKAGES = ['@nestjs', 'otplib', '@otplib', '@scure', '@noble'];
transform['^.+\\.m?js$'] = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
};

module.exports = {
  // A global option: Jest ignores it inside a project. End-to-end tests boot the app.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/db'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
