import type { CatalogStatus } from '../../../shared/status'
import type { Command } from '../command'
import { withService } from '../with-service'

const nonZero = (counts: Record<string, number>): string => {
  const entries = Object.entries(counts).filter(([, n]) => n > 0)
  return entries.length ? entries.map(([state, n]) => `${state} ${n}`).join(', ') : 'none'
}

export function formatStatus(status: CatalogStatus): string {
  const c = status.catalog
  return [
    `Catalog ${status.database} (schema ${status.schemaVersion})`,
    `  playlists        ${c.playlists}`,
    `  songs            ${c.songs}`,
    `  playlist entries ${c.playlistSongs}`,
    `  library roots    ${c.storageBackends}`,
    `  local files      ${c.activeLocalFiles} active of ${c.localFiles}`,
    `Jobs   ${nonZero(status.jobs)}`,
    `Items  ${nonZero(status.items)}`,
  ].join('\n')
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'print catalog and job counts',
  arguments: [],
  options: [{ flags: '--json', description: 'print the counts as JSON' }],
  examples: ['catalogsync status', 'catalogsync --db ~/music/catalog.db status --json'],
  run(args, io) {
    return withService(args, (app) => {
      const status = app.status()
      io.out(args.values.json ? JSON.stringify(status) : formatStatus(status))
      return 0
    })
  },
}
