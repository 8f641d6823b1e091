// Runs the real runner (sources, transfer engine, catalog) against the built-in demo source with
// set resolve latencies, per-connection throttling and a link cap, once per runner mode at the
// same download concurrency, and prints makespan against a lower bound, downloader busy time and
// the event loop's delay. Run: npx tsx bench/pipeline.ts [--scenario NAME]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { CatalogStore } from '../src/main/core/service/catalog-store'
import { defaultSyncSettings } from '../src/main/core/config/sync-settings'
import type { DemoSong } from '../src/main/core/demo/demo-catalogue'
import { startDemoServer } from '../src/main/core/demo/demo-server'
import { EventBus } from '../src/main/core/events/event-bus'
import type { RunMode } from '../src/shared/settings'
import { downloadStageWorkerSplit } from '../src/main/core/sync/worker-split'
import { startSync } from '../src/main/core/sync/start-sync'
import type { CoreEvents } from '../src/shared/events'

interface Scenario {
  songs: number
  durationSec: number
  resolveMs: [number, number]
  perConnection: number
  link: number
  downloaders: number
}

const SCENARIOS: Record<string, Scenario> = {
  // Slow resolves (0.2–1.8 s) next to transfers of about 1.4 s: the case the dual pool is for.
  'resolve-heavy': {
    songs: 32,
    durationSec: 4,
    resolveMs: [200, 1800],
    perConnection: 128 << 10,
    link: 4 << 20,
    downloaders: 4,
  },
  // Resolution is the bottleneck: downloaders must wait whatever the runner does.
  'resolve-bound': {
    songs: 48,
    durationSec: 4,
    resolveMs: [200, 1800],
    perConnection: 512 << 10,
    link: 4 << 20,
    downloaders: 4,
  },
  'transfer-heavy': {
    songs: 24,
    durationSec: 10,
    resolveMs: [50, 300],
    perConnection: 256 << 10,
    link: 1 << 20,
    downloaders: 4,
  },
  wide: {
    songs: 96,
    durationSec: 3,
    resolveMs: [100, 600],
    perConnection: 256 << 10,
    link: 8 << 20,
    downloaders: 16,
  },
}
const RESOLVER_CAP = 8
const BYTES_PER_SEC_OF_AUDIO = 22_050 * 2

const WORDS = [
  'amber',
  'birch',
  'cobalt',
  'delta',
  'ember',
  'fjord',
  'glacier',
  'harbor',
  'indigo',
  'juniper',
  'kestrel',
  'lagoon',
]

/** Distinct names: numbered titles would be near-duplicates the matcher rightly sends to review. */
function songs(n: number, durationSec: number): DemoSong[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`,
    title: `${WORDS[i % 12]} ${WORDS[Math.floor(i / 12) % 12]} ${['song', 'tune', 'air', 'reel', 'waltz', 'march', 'hymn', 'dance'][Math.floor(i / 144) % 8]}`,
    artist: `${WORDS[(i * 5) % 12]} ${WORDS[(i * 7 + 3) % 12]} band`,
    album: `Bench Album ${i % 5}`,
    durationSec,
    frequencyHz: 200 + i * 7,
  }))
}

/** The static split's smallest worker count that gives `d` downloaders. */
function staticWorkers(d: number): number {
  let n = 2
  while (downloadStageWorkerSplit(n).downloaders < d) n++
  return n
}

async function runMode(scenario: Scenario, mode: RunMode) {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-pipeline-'))
  const catalogue = songs(scenario.songs, scenario.durationSec)
  const server = await startDemoServer({
    songs: catalogue,
    bytesPerSec: scenario.perConnection,
    linkBytesPerSec: scenario.link,
    resolveDelayMs: scenario.resolveMs,
  })
  const service = CatalogStore.open(join(dir, 'catalog.db'))
  const playlist = service.playlists.createPlaylist({ name: 'bench' })
  const ids = catalogue.map(
    (s) =>
      service.catalog.upsertSong({ name: s.title, artists: [s.artist], album: s.album }).song.id,
  )
  service.playlists.setSongs(playlist.id, ids)
  const bus = new EventBus<CoreEvents>()
  const busy = new Map<string, number>()
  let firstDownload: number | null = null
  let lastTick = performance.now()
  bus.on('workers', ({ workers }) => {
    const now = performance.now()
    for (const w of workers) {
      if (w.role === 'resolve' || w.status !== 'downloading') continue
      firstDownload ??= now
      busy.set(w.name, (busy.get(w.name) ?? 0) + (now - lastTick))
    }
    lastTick = now
  })
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const started = performance.now()
  const handle = startSync(service, {
    bus,
    settings: {
      ...defaultSyncSettings(dir),
      libraryRoots: [join(dir, 'library')],
      sources: [
        {
          id: 'bench',
          type: 'subsonic',
          url: server.url,
          user: 'demo',
          password: 'demo',
          maxConcurrency: RESOLVER_CAP,
        },
      ],
      mode,
      downloaders: mode === 'static' ? staticWorkers(scenario.downloaders) : scenario.downloaders,
      resolvers: RESOLVER_CAP,
    },
  })
  const summary = await handle.done
  const failures = service.dashboard.snapshot({
    includeTaskRows: true,
    states: ['failed'],
  }).task_rows
  for (const f of failures ?? []) console.log(`  failed: ${f.display_text}: ${f.message}`)
  const makespan = (performance.now() - started) / 1000
  loop.disable()
  const bytes = catalogue.length * (44 + scenario.durationSec * BYTES_PER_SEC_OF_AUDIO)
  const bandwidth = Math.min(scenario.link, scenario.downloaders * scenario.perConnection)
  const delays = server.searchDelaysMs
  const resolveTotal = delays.reduce((a, b) => a + b, 0) / 1000
  const perFile = bytes / catalogue.length / Math.min(scenario.perConnection, scenario.link)
  const bound =
    Math.max(bytes / bandwidth, resolveTotal / RESOLVER_CAP) + (delays[0] ?? 0) / 1000 + perFile
  const window = firstDownload === null ? 0 : (lastTick - firstDownload) * scenario.downloaders
  const busyFraction = window > 0 ? [...busy.values()].reduce((a, b) => a + b, 0) / window : 0
  service.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  return {
    mode,
    ok: summary.counts.succeeded === catalogue.length ? 'yes' : JSON.stringify(summary.counts),
    makespan,
    bound,
    busyFraction,
    loopP99: loop.percentile(99) / 1e6,
  }
}

async function main() {
  const { values } = parseArgs({ options: { scenario: { type: 'string' } } })
  const names = values.scenario ? [values.scenario] : Object.keys(SCENARIOS)
  for (const name of names) {
    const scenario = SCENARIOS[name]
    if (!scenario)
      throw new Error(`unknown scenario ${name}; use ${Object.keys(SCENARIOS).join(', ')}`)
    console.log(
      `\n${name}: ${scenario.songs} songs × ${scenario.durationSec}s, resolve ${scenario.resolveMs.join('–')} ms, ` +
        `${scenario.perConnection >> 10} KiB/s per connection, link ${scenario.link >> 10} KiB/s, ${scenario.downloaders} downloaders`,
    )
    console.log('mode      makespan  bound   ratio  busy   loop p99  all done')
    for (const mode of ['single', 'static', 'adaptive'] as const) {
      const r = await runMode(scenario, mode)
      console.log(
        `${r.mode.padEnd(9)} ${r.makespan.toFixed(2).padStart(7)}s ${r.bound.toFixed(2).padStart(6)}s ` +
          `${(r.makespan / r.bound).toFixed(2).padStart(5)}× ${(r.busyFraction * 100).toFixed(0).padStart(4)}% ` +
          `${r.loopP99.toFixed(1).padStart(7)} ms  ${r.ok}`,
      )
    }
  }
}

void main()
