// Parses and imports a generated 20,000-row Exportify CSV and a 20,000-track M3U8 into a fresh
// catalog, printing tracks per second for each phase and the heap growth.
// Run: npx tsx bench/import.ts [--tracks N]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parsePlaylistBuffer } from '../src/main/core/importers'
import { CatalogStore } from '../src/main/core/service/catalog-store'

const { values } = parseArgs({ options: { tracks: { type: 'string', default: '20000' } } })
const TRACKS = Number(values.tracks)

function exportifyCsv(n: number): string {
  const header =
    'Track URI,Track Name,Artist Name(s),Album Name,Disc Number,Track Number,Track Duration (ms),Added By,Added At'
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `spotify:track:${i.toString(36).padStart(22, '0')},"Song ${i}, part ${i % 7}",` +
      `"Artist ${i % 997}\\, Jr., Guest ${i % 13}",Album ${i % 211},1,${(i % 12) + 1},${180_000 + (i % 90_000)},,2024-01-01T00:00:00Z`,
  )
  return [header, ...rows].join('\n')
}

function m3u8(n: number): string {
  const lines = ['#EXTM3U', '#PLAYLIST:Bench']
  for (let i = 0; i < n; i++) {
    lines.push(`#EXTINF:${180 + (i % 300)},Artist ${i % 997} - Title ${i}`)
    lines.push(`Music/Artist ${i % 997}/Album ${i % 211}/${i} Title ${i}.flac`)
  }
  return lines.join('\r\n')
}

function measure(label: string, file: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'catalogsync-bench-'))
  try {
    const service = CatalogStore.open(join(dir, 'catalog.db'))
    const bytes = readFileSync(file)
    const heapBefore = process.memoryUsage().heapUsed
    let start = process.hrtime.bigint()
    const parsed = parsePlaylistBuffer(file, bytes)
    const parseSeconds = Number(process.hrtime.bigint() - start) / 1e9
    const tracks = parsed.playlists.reduce((sum, p) => sum + p.tracks.length, 0)
    start = process.hrtime.bigint()
    service.importer.apply(parsed)
    const importSeconds = Number(process.hrtime.bigint() - start) / 1e9
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
    service.close()
    const rate = (s: number) => Math.round(tracks / s).toLocaleString('en')
    console.log(
      `${label.padEnd(14)} ${tracks} tracks (${(bytes.length / 2 ** 20).toFixed(1)} MiB): ` +
        `parse ${parseSeconds.toFixed(3)} s (${rate(parseSeconds)} tracks/s), ` +
        `import ${importSeconds.toFixed(3)} s (${rate(importSeconds)} tracks/s), ` +
        `total ${(parseSeconds + importSeconds).toFixed(3)} s, heap +${heapMiB.toFixed(1)} MiB`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const dir = mkdtempSync(join(tmpdir(), 'catalogsync-bench-files-'))
try {
  const csv = join(dir, 'bench.csv')
  const m3u = join(dir, 'bench.m3u8')
  writeFileSync(csv, exportifyCsv(TRACKS))
  writeFileSync(m3u, m3u8(TRACKS))
  measure('exportify_csv', csv)
  measure('m3u8', m3u)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
