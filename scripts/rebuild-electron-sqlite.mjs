// Builds better-sqlite3 for Electron's ABI into build/native/electron/, leaving the Node build
// in node_modules untouched for the tests and the CLI. The app loads it through `nativeBinding`.
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const outDir = join(root, 'build', 'native', 'electron')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')

const electronVersion = require('electron/package.json').version
const electronAbi = readFileSync(
  join(dirname(require.resolve('electron/package.json')), 'abi_version'),
  'utf8',
).trim()
const sqliteVersion = require('better-sqlite3/package.json').version
const wanted = { electron: electronVersion, abi: electronAbi, betterSqlite3: sqliteVersion }

function fail(message) {
  console.error(`rebuild:electron: ${message}`)
  process.exit(1)
}

function upToDate() {
  if (!existsSync(target) || !existsSync(stampFile)) return false
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
  return Object.entries(wanted).every(([key, value]) => stamp[key] === value)
}

function nodeGypScript() {
  const candidates = []
  if (process.env.npm_execpath) {
    candidates.push(
      join(
        dirname(dirname(process.env.npm_execpath)),
        'node_modules',
        'node-gyp',
        'bin',
        'node-gyp.js',
      ),
    )
  }
  candidates.push(
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  )
  return (
    candidates.find((path) => existsSync(path)) ?? fail('cannot find node-gyp (it ships with npm)')
  )
}

if (process.argv.includes('--if-missing') && upToDate()) process.exit(0)

const staging = mkdtempSync(join(tmpdir(), 'catalogsync-electron-sqlite-'))
try {
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  cpSync(source, join(staging, 'better-sqlite3'), {
    recursive: true,
    filter: (path) => !path.includes(`${source}/build`),
  })
  // npm's own `nodedir` setting would silently give a Node-ABI build: drop every npm_config_*.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)),
  )
  const result = spawnSync(
    process.execPath,
    [
      nodeGypScript(),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${join(homedir(), '.electron-gyp')}`,
    ],
    { cwd: join(staging, 'better-sqlite3'), env, stdio: 'inherit' },
  )
  if (result.status !== 0) {
    fail(
      `node-gyp could not build better-sqlite3 for Electron ${electronVersion} (it downloads the Electron headers, so it needs a network connection)`,
    )
  }
  const gypConfig = readFileSync(join(staging, 'better-sqlite3', 'build', 'config.gypi'), 'utf8')
  const abi = /"node_module_version":\s*(\d+)/.exec(gypConfig)?.[1]
  if (abi !== electronAbi)
    fail(`the build targets ABI ${abi}, not Electron's ${electronAbi}; refusing it`)
  mkdirSync(outDir, { recursive: true })
  cpSync(join(staging, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target)
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`)
  console.log(`rebuild:electron: wrote ${target} (Electron ${electronVersion}, ABI ${electronAbi})`)
} finally {
  rmSync(staging, { recursive: true, force: true })
}
