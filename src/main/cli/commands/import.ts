import { errorMessage } from '../../../shared/error-message'
import type { FileImportResult } from '../../core/import-writer'
import type { Command } from '../command'
import { withService } from '../with-service'

function importLines(result: FileImportResult): string[] {
  return result.playlists.map((p) => {
    const unresolved = p.unresolved ? `, ${p.unresolved} without details skipped` : ''
    return (
      `#${p.playlistId} ${p.name} (${p.created ? 'new' : 'updated'}): ${p.tracks} tracks — ` +
      `${p.added} added, ${p.kept} kept, ${p.removed} removed, ${p.moved} moved${unresolved}`
    )
  })
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import playlist exports (a re-import updates them in place)',
  description:
    'Import playlist exports into the catalog, each file in its own transaction: a bad file ' +
    'is reported and changes nothing, the others still import. Importing a playlist again ' +
    'updates it in place and prints what was added, kept, removed and moved.',
  arguments: [{ name: '<file...>', description: 'the exports to import' }],
  options: [{ flags: '--json', description: 'print one JSON object with every result' }],
  examples: ['catalogsync import "Road Trip.m3u8" liked.csv', 'catalogsync import *.xspf --json'],
  async run(args, io) {
    const imported: FileImportResult[] = []
    const errors: { file: string; error: string }[] = []
    await withService(args, async (app) => {
      // Each file is its own transaction: one bad file does not stop or undo the others.
      for (const file of args.positionals) {
        try {
          // Synced playlists that a re-import changed get their files rewritten too.
          const result = await app.importFile(file)
          imported.push(result)
          if (!args.values.json) io.out(importLines(result).join('\n'))
        } catch (error) {
          const message = errorMessage(error)
          errors.push({ file, error: message })
          io.err(`catalogsync: ${message}`)
        }
      }
    })
    if (args.values.json) io.out(JSON.stringify({ imported, errors }))
    return errors.length ? 1 : 0
  },
}
