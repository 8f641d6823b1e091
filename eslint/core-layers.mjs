import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'

/**
 * The layers of src/main/core, lowest first, each with its one job. A folder may import the
 * folders listed before it (and src/shared), never one listed after it; the README's layout
 * section follows this list.
 */
export const CORE_LAYERS = [
  ['util', 'small shared helpers: clock, abortable sleep, abort checks'],
  ['text', 'text normalisation for comparing names'],
  ['net', 'HTTP errors, backoff and Retry-After'],
  ['events', 'the typed event bus the core publishes on'],
  ['runtime', 'V8 flags the process starts with'],
  ['db', 'the SQLite catalog file: connection and migrations'],
  ['catalog', 'repositories of songs, playlists, library files, removals and settings'],
  ['ops', 'repositories of jobs, stages and items, their leases and dashboard rows'],
  ['importers', 'parsing playlist exports (CSV, JSON, M3U, XSPF, iTunes XML…) into tracks'],
  ['import-writer', 'writing parsed playlists into the catalog'],
  ['matching', 'scoring and choosing candidates for a song'],
  ['sources', 'where songs are found: direct, local folders, Subsonic, commands'],
  ['transfer', 'moving bytes into files: HTTP streams, local copies, speed limits'],
  ['tags', 'reading and writing audio tags and cover art'],
  ['library', 'the library on disk: layout, paths, free space, checks and removals'],
  ['config', 'loading and validating sync settings'],
  ['sync', 'running a sync job: runner, executors, downloader, source policy, control'],
  ['service', 'the one application service every front end calls'],
  ['demo', 'the demo catalogue and server for trying the app without a library'],
]

/**
 * One import-x/no-restricted-paths zone per layer: nothing from the layers above it. `coreDir`
 * is relative to the folder the zones are resolved from.
 */
export function layerZones(coreDir, layers = CORE_LAYERS) {
  const names = layers.map(([name]) => name)
  return names.slice(0, -1).map((name, index) => ({
    target: `${coreDir}/${name}`,
    from: names.slice(index + 1).map((above) => `${coreDir}/${above}`),
    message: `core/${name} may import only the layers below it (eslint/core-layers.mjs): move what both need down, or the importer up.`,
  }))
}

/**
 * One zone per folder: from any other core folder, and from the front ends (folders or files
 * outside the core), a folder is reached only through its index.ts, its public face; inside
 * the folder, files import each other directly.
 */
export function faceZones(coreDir, frontEnds = [], layers = CORE_LAYERS) {
  return layers.map(([name]) => ({
    target: [`${coreDir}/!(${name})/**`, ...frontEnds],
    from: `${coreDir}/${name}`,
    except: ['./index.ts'],
    message: `Import core/${name} through its index.ts, the folder's public face; export from there what you need.`,
  }))
}

/**
 * The lint config that keeps the folders of `coreDir` (relative to `root`, the folder of the
 * ESLint config) in their layers, free of import cycles, and reached through their faces,
 * by each other and by `frontEnds` (paths or globs outside the core).
 */
export function coreLayersConfig(root, coreDir, frontEnds = [], layers = CORE_LAYERS) {
  const frontEndFiles = frontEnds.map((path) => (path.endsWith('.ts') ? path : `${path}/**/*.ts`))
  return {
    files: [`${coreDir}/**/*.ts`, ...frontEndFiles],
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads only .js files unless told: the cycle check must parse the .ts it follows.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [...layerZones(coreDir, layers), ...faceZones(coreDir, frontEnds, layers)],
        },
      ],
      'import-x/no-cycle': 'error',
    },
  }
}
