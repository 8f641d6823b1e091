import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoPlaylistXspf, DEMO_PASSWORD, DEMO_USER, startDemoServer } from '../../core/demo'
import type { Command } from '../command'
import { runSync } from '../sync-run'
import { withService } from '../with-service'

/**
 * A whole sync with no account and no internet: a built-in Subsonic-style server on loopback
 * serves generated tones with realistic delays; its playlist is imported and synced. The demo
 * keeps its own catalog (unless --db is given) so it never mixes with a real library.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'sync a built-in demo playlist from a built-in local source',
  description:
    'Sync a built-in demo playlist from a built-in Subsonic-style server on loopback: no ' +
    'account, no internet. The demo keeps its own catalog in $CATALOGSYNC_HOME/demo unless ' +
    '--db is given.',
  arguments: [],
  options: [
    {
      flags: '--library <dir>',
      description: 'the folder to download into',
      defaultText: '$CATALOGSYNC_HOME/demo/library',
    },
    { flags: '--json', description: 'print the job summary as JSON' },
  ],
  examples: ['catalogsync demo', 'catalogsync demo --library /tmp/demo-library --json'],
  async run(args, io) {
    const demoHome = join(args.home, 'demo')
    mkdirSync(demoHome, { recursive: true })
    const library =
      typeof args.values.library === 'string' ? args.values.library : join(demoHome, 'library')
    const database = args.databaseGiven ? args.databasePath : join(demoHome, 'catalog.db')
    const server = await startDemoServer()
    const demoSettings = {
      libraryRoots: [library],
      sources: [
        {
          id: 'demo',
          type: 'subsonic' as const,
          url: server.url,
          user: DEMO_USER,
          password: DEMO_PASSWORD,
          maxConcurrency: 4,
        },
      ],
      downloadSources: ['demo'],
      downloaders: 4,
    }
    try {
      return await withService(
        args,
        async (app) => {
          const playlistFile = join(demoHome, 'CatalogSync Demo.xspf')
          writeFileSync(playlistFile, demoPlaylistXspf())
          const imported = await app.importFile(playlistFile)
          const playlistIds = imported.playlists.map((p) => p.playlistId)
          if (!args.values.json) {
            io.err(`Demo source running at ${server.url}; catalog ${database}; library ${library}`)
          }
          return runSync({ app, playlistIds, json: args.values.json === true }, io)
        },
        { databasePath: database, settingsPatches: [demoSettings] },
      )
    } finally {
      await server.close()
    }
  },
}
