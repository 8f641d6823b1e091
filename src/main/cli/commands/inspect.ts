import type { ParsedExport } from '../../core/importers'
import { AppService } from '../../core/service'
import { formatDuration } from '../../../shared/format'
import type { Command } from '../command'

/** The contracted `inspect --json` shape: only the normalised fields, nulls kept. */
export function inspectJson(parsed: ParsedExport) {
  return {
    file: parsed.file,
    format: parsed.format,
    playlists: parsed.playlists.map((playlist) => ({
      name: playlist.name,
      tracks: playlist.tracks.map((track) => ({
        title: track.title,
        artists: track.artists,
        album: track.album,
        durationMs: track.durationMs,
        location: track.location,
        localPath: track.localPath,
        sourceId: track.sourceId,
      })),
    })),
  }
}

/** Clock-style, as everywhere else; blank when the export gives no length. */
const trackLength = (ms: number | null): string => (ms === null ? '' : formatDuration(ms / 1000))

const cell = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)

export function inspectTable(parsed: ParsedExport): string {
  const lines = [`${parsed.file}: ${parsed.format}, ${parsed.playlists.length} playlist(s)`]
  for (const playlist of parsed.playlists) {
    lines.push('', `${playlist.name ?? '(unnamed)'} — ${playlist.tracks.length} track(s)`)
    playlist.tracks.forEach((track, index) => {
      const where = track.sourceId ?? track.location ?? ''
      lines.push(
        `${String(index + 1).padStart(5)}  ${cell(track.title ?? '(no title)', 36)}  ` +
          `${cell(track.artists.join(', '), 28)}  ${cell(track.album ?? '', 24)}  ` +
          `${trackLength(track.durationMs).padStart(6)}  ${where}`,
      )
    })
  }
  return lines.join('\n')
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'parse a playlist export and show it, touching no catalog',
  description:
    'Parse a playlist export (M3U, XSPF, JSPF, Exportify or TuneMyMusic CSV, iTunes XML, ...) ' +
    'and show its playlists and tracks. Nothing is written.',
  arguments: [{ name: '<file>', description: 'the export to read' }],
  options: [{ flags: '--json', description: 'print the normalised tracks as JSON' }],
  examples: ['catalogsync inspect "Road Trip.m3u8"', 'catalogsync inspect liked.csv --json'],
  async run(args, io) {
    const parsed = await AppService.inspectFile(args.positionals[0] as string)
    io.out(args.values.json ? JSON.stringify(inspectJson(parsed)) : inspectTable(parsed))
    return 0
  },
}
