import { errorMessage } from '../../../shared/error-message'
import { AppService } from '../../core/service/app-service'
import { catalogsyncHome } from '../../core/config/paths'
import type { FileImportResult } from '../../core/import-writer/playlist-importer'
import type { Command } from '../command'

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
  usage: 'import FILE... [--json]',
  summary: 'import playlist exports into the catalog (a re-import syncs in place)',
  options: { json: { type: 'boolean' } },
  positionals: [1, Number.POSITIVE_INFINITY],
  async run(args, io) {
    const app = AppService.open(args.databasePath, { home: catalogsyncHome(io.env) })
    const imported: FileImportResult[] = []
    const errors: { file: string; error: string }[] = []
    try {
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
    } finally {
      app.close()
    }
    if (args.values.json) io.out(JSON.stringify({ imported, errors }))
    return errors.length ? 1 : 0
  },
}
