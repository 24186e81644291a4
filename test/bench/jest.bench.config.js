// Benchmarks: the e2e project of the main Jest config (same transform, path aliases,
// global setup and environment), matching only test/bench/*.bench.ts. Never part of
// `npm test`; run with `npm run bench` (which adds --runInBand).
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// The main config reads tsconfig.json relative to the working directory.
process.chdir(root);
const { projects } = require(path.join(root, 'jest.config.js'));
const e2e = projects.find((project) => project.displayName === 'e2e');

module.exports = {
  ...e2e,
  displayName: 'bench',
  testMatch: ['**/test/bench/**/*.bench.ts'],
  testTimeout: 600000,
};
