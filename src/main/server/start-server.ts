import type { AddressInfo } from 'node:net'
import type { AppService } from '../core/service'
import { bindingProblem } from './access'
import { createHttpServer, type HttpServerOptions } from './http-server'

export interface ServeOptions extends HttpServerOptions {
  host: string
  port: number
}

export interface RunningServer {
  url: string
  /** Pauses a running sync, then stops listening and ends the event streams. */
  close(): Promise<void>
}

export class BindingRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BindingRefusedError'
  }
}

export async function startServer(app: AppService, options: ServeOptions): Promise<RunningServer> {
  const problem = bindingProblem(options.host, options.token)
  if (problem) throw new BindingRefusedError(problem)
  const server = createHttpServer(app, options)
  await server.listen({ host: options.host, port: options.port })
  const { port } = server.server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    async close() {
      await app.shutdown()
      await server.close()
    },
  }
}
