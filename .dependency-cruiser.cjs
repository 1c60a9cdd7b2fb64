/**
 * The module boundaries, checked by `npm run lint` (docs/architecture.md draws the map).
 * Server modules are layered: a module imports only modules in lower layers, and only through
 * their face (index.ts). Client features import each other only through their face too, and the
 * ground floor (components, theme, i18n) imports no feature and no store.
 */
const serverLayers = [
  ['audit'],
  ['settings', 'call-state', 'timeline', 'sessions'],
  ['users'],
  ['auth', 'clients'],
  ['orders', 'templates'],
  ['letters', 'tasks'],
  ['queue', 'attachments', 'status-page'],
  ['calls'],
  ['intake', 'events', 'health', 'reports'],
];

const mod = (name) => `^server/src/modules/${name}/`;
const notTests = '(__tests__|/test/)';

const layerRules = serverLayers.flatMap((layer, i) =>
  layer.map((name) => ({
    name: `layers-${name}`,
    comment: `${name} may import only modules below its layer`,
    severity: 'error',
    from: { path: mod(name), pathNot: notTests },
    to: {
      path: `^server/src/modules/(${serverLayers
        .slice(i)
        .flat()
        .filter((other) => other !== name)
        .join('|')})/`,
    },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, at any size',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'server-module-face',
      comment: 'A module uses another module through its index.ts only',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: notTests },
      to: {
        path: '^server/src/modules/',
        pathNot: ['^server/src/modules/[^/]+/index\\.ts$', '^server/src/modules/$1/'],
      },
    },
    {
      name: 'server-module-face-outside',
      comment: 'The app, jobs and the web layer use a module through its index.ts only',
      severity: 'error',
      from: { path: '^server/src/', pathNot: `${notTests}|^server/src/(modules|seed|bench)/` },
      to: { path: '^server/src/modules/', pathNot: '^server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'services-speak-no-http',
      comment: 'Services and models never depend on the web layer; routes do',
      severity: 'error',
      from: { path: '^server/src/modules/', pathNot: `${notTests}|\\.routes\\.ts$` },
      to: { path: '^server/src/http/' },
    },
    {
      name: 'routes-call-services',
      comment: 'Routes call services, never models',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.model\\.ts$' },
    },
    {
      name: 'ground-floor-server',
      comment: 'lib/, db/ and config/ sit under every module',
      severity: 'error',
      from: { path: '^server/src/(lib|db|config)/', pathNot: notTests },
      to: { path: '^server/src/(modules|http|jobs)/' },
    },
    {
      name: 'client-feature-face',
      comment: 'A feature uses another feature through its index.ts only',
      severity: 'error',
      from: { path: '^client/src/features/([^/]+)/', pathNot: notTests },
      to: {
        // A lazily loaded screen or dialog is fetched by its own path, so it stays out of the first bundle.
        dependencyTypesNot: ['dynamic-import'],
        path: '^client/src/features/',
        pathNot: ['^client/src/features/[^/]+/index\\.tsx?$', '^client/src/features/$1/'],
      },
    },
    {
      name: 'client-feature-face-outside',
      comment: 'The app shell uses a feature through its index.ts only',
      severity: 'error',
      from: { path: '^client/src/', pathNot: `${notTests}|^client/src/features/` },
      to: {
        dependencyTypesNot: ['dynamic-import'],
        path: '^client/src/features/',
        pathNot: '^client/src/features/[^/]+/index\\.tsx?$',
      },
    },
    {
      name: 'client-ground-floor',
      comment: 'Shared components, the theme and the strings import no feature and no store',
      severity: 'error',
      from: { path: '^client/src/(components|theme|i18n)/', pathNot: notTests },
      to: { path: '^client/src/(features|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
