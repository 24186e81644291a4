// Dependency rules of the monorepo, checked by `npm run lint`
// (depcruise apps libs db --config .dependency-cruiser.cjs).
//
// Direction (docs: ARCHITECTURE "Dependency direction"):
//   apps -> db, libs
//   db -> libs (entity list, migrations)
//   domain libs -> platform, identity, audit, consent, jobs
//   plans, outcomes, visits, employers, reports -> clients as well
//   platform -> nothing of ours
// Libs never import apps or db; nothing in apps, libs or db imports test/.

/** Libs that any other lib may import. */
const SHARED_LIBS = 'platform|identity|audit|consent|jobs';
/** Libs that may import libs/clients (besides clients itself). */
const CLIENT_RECORD_LIBS = 'plans|outcomes|visits|employers|reports|clients';
const SPEC_FILE = '[.](?:e2e-)?spec[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This module is part of a circular dependency. Break the cycle: move the shared part ' +
        'into a module both sides import, or invert the dependency.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libs never import apps: apps depend on libs, not the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'db-not-to-apps',
      severity: 'error',
      comment: 'db/ (data source, migrations, seeds) never imports apps.',
      from: { path: '^db/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-not-to-other-apps',
      severity: 'error',
      comment:
        'Each app is its own process. Share code through a lib, not by importing another app.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'platform-is-foundation',
      severity: 'error',
      comment:
        'libs/platform is the bottom layer: it imports no other lib of ours and nothing from db/.',
      from: { path: '^libs/platform/' },
      to: { path: ['^libs/(?!platform/)', '^db/'] },
    },
    {
      name: 'domain-libs-not-to-db',
      severity: 'error',
      comment:
        'db/ lists the entities of every lib, so a lib importing db/ makes a cycle. Take ' +
        'database helpers from @ohjaamo/platform instead.',
      from: { path: '^libs/(?!platform/)' },
      to: { path: '^db/' },
    },
    {
      name: 'domain-libs-allowed-libs',
      severity: 'error',
      comment:
        `A domain lib may import only ${SHARED_LIBS.split('|').join(', ')} (and clients where ` +
        'allowed). Move what both need into one of those, or let an app wire the two together.',
      from: { path: '^libs/(?!platform/)([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/$1/', `^libs/(?:${SHARED_LIBS}|clients)/`],
      },
    },
    {
      name: 'clients-only-from-record-libs',
      severity: 'error',
      comment: `Only ${CLIENT_RECORD_LIBS.split('|').join(', ')} may import libs/clients.`,
      from: { path: '^libs/', pathNot: `^libs/(?:${CLIENT_RECORD_LIBS})/` },
      to: { path: '^libs/clients/' },
    },
    {
      name: 'libs-through-public-api',
      severity: 'error',
      comment:
        'Import another lib through its alias (@ohjaamo/<lib>, i.e. its src/index.ts), not a ' +
        'relative path into its files.',
      from: { path: '^(apps|db|libs/[^/]+)/' },
      to: {
        path: '^libs/[^/]+/',
        pathNot: ['^$1/', '^libs/[^/]+/src/index[.]ts$'],
      },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Code in apps, libs and db never imports from test/.',
      from: { path: '^(?:apps|libs|db)/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-spec',
      severity: 'error',
      comment: 'Nothing imports a spec file; move shared test code into a helper.',
      from: {},
      to: { path: SPEC_FILE },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code imports a devDependency, which is not installed in production. Move ' +
        'the package to "dependencies", or use it only in *.spec.ts files. Type-only imports ' +
        '(@types/*) are fine.',
      from: { path: '^(?:apps|libs|db)/', pathNot: SPEC_FILE },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'This imports an npm package that is not declared in package.json (it is only there ' +
        'as a dependency of something else). Declare it.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved. A new lib needs its @ohjaamo/<lib> path in ' +
        'tsconfig.json; a package needs to be in package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^dist/', '^coverage/', '^[.]data/'] },
    moduleSystems: ['cjs', 'es6'],
    // Count type-only imports too: they are dependencies of the design, and with
    // emitDecoratorMetadata many of them are real at run time anyway.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      archi: {
        collapsePattern: '^(?:apps|libs)/[^/]+|^db|node_modules/(?:@[^/]+/[^/]+|[^/]+)',
      },
    },
  },
};
