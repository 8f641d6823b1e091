import { join } from 'node:path'
import { bindingProblem, DEFAULT_HOST, DEFAULT_PORT } from '../../server/access'
import { CliUsageError, type CliIo } from '../cli-io'
import type { Command, ParsedCommandLine } from '../command'
import { withService } from '../with-service'

function portOf(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CliUsageError('--port needs a port number (0–65535)')
  return port
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      offInterrupt?.()
      process.off('SIGTERM', stop)
      resolve()
    }
    const offInterrupt = io.onInterrupt?.(stop)
    process.once('SIGTERM', stop)
  })
}

async function serve(args: ParsedCommandLine, io: CliIo): Promise<number> {
  const host = typeof args.values.host === 'string' ? args.values.host : DEFAULT_HOST
  const port = portOf(args.values.port)
  const token = typeof args.values.token === 'string' ? args.values.token : io.env.CATALOGSYNC_TOKEN
  const problem = bindingProblem(host, token)
  if (problem) {
    io.err(`catalogsync: ${problem}`)
    return 1
  }
  return withService(
    args,
    async (app) => {
      // Loaded here: only serve needs the HTTP framework, so every other command starts faster.
      const { startServer } = await import('../../server/start-server')
      // The CLI bundle sits in out/cli; the renderer build in out/renderer.
      const rendererDir = join(__dirname, '../renderer')
      const server = await startServer(app, {
        host,
        port,
        rendererDir,
        ...(token ? { token } : {}),
      })
      io.err(`CatalogSync serving on ${server.url}`)
      await untilStopped(io)
      io.err('Stopping: pausing the sync…')
      await server.close()
      return 0
    },
    { configFile: typeof args.values.config === 'string' ? args.values.config : undefined },
  )
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app and its API over HTTP (a token off loopback)',
  description:
    'Serve the app and its API over HTTP until Ctrl-C. Off loopback every request must carry ' +
    'the token.',
  arguments: [],
  options: [
    { flags: '--host <host>', description: 'the address to listen on', defaultText: DEFAULT_HOST },
    {
      flags: '--port <port>',
      description: 'the port to listen on, 0 for any free one',
      defaultText: String(DEFAULT_PORT),
    },
    { flags: '--config <file>', description: 'a config file whose settings win for this run' },
    {
      flags: '--token <token>',
      description: 'the bearer token requests must carry',
      defaultText: '$CATALOGSYNC_TOKEN',
    },
  ],
  examples: [
    'catalogsync serve',
    'CATALOGSYNC_TOKEN=s3cret catalogsync serve --host 0.0.0.0 --port 8080',
  ],
  run: serve,
}
