import { existsSync } from 'node:fs'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { type AppService, buildCalls, type Call } from '../core/service'
import { parseInvokeArgs } from '../../shared/contract-schemas'
import { isInvokeChannel } from '../../shared/contract'
import { requestToken, sameOriginProblem, tokenMatches } from './access'
import { streamEvents } from './event-stream'

/** The biggest request is an export upload: 64 MiB as base64, plus the JSON around it. */
export const MAX_BODY_BYTES = 96 * 1024 * 1024

export interface HttpServerOptions {
  /** Every request but the renderer's static files must carry it; none on loopback. */
  token?: string
  /** The built renderer (out/renderer); the API works without it. */
  rendererDir?: string
}

/** The contract over HTTP: invoke as POST, events as SSE, the seed's dashboard, the renderer. */
export function createHttpServer(
  app: AppService,
  options: HttpServerOptions = {},
): FastifyInstance {
  const server = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true })
  const calls = buildCalls(app)
  const streams = new Set<() => void>()
  server.addHook('onRequest', async (request, reply) => guard(request, reply, options.token))
  server.addHook('onClose', async () => streams.forEach((close) => close()))

  server.get('/healthz', async () => ({ ok: true }))
  server.post<{ Params: { channel: string } }>(
    '/api/invoke/:channel',
    { bodyLimit: MAX_BODY_BYTES },
    async (request, reply) => {
      const { channel } = request.params
      if (!isInvokeChannel(channel))
        return reply.code(404).send({ ok: false, error: `unknown channel "${channel}"` })
      // Checked once, here at the boundary: the call gets the parsed arguments.
      const args = parseInvokeArgs(channel, request.body ?? [])
      if (!args.ok) return reply.code(400).send(args)
      const call = calls[channel] as Call<typeof channel>
      return call(args.value)
    },
  )
  server.get<{ Querystring: { include_task_rows?: string } }>('/api/dashboard', async (request) =>
    app.dashboard({ includeTaskRows: request.query.include_task_rows === 'true' }),
  )
  server.get('/api/events', (request, reply) => {
    reply.hijack()
    const close = streamEvents(app, reply.raw)
    streams.add(close)
    request.raw.on('close', () => streams.delete(close))
  })
  serveRenderer(server, options.rendererDir)
  return server
}

async function guard(request: FastifyRequest, reply: FastifyReply, token: string | undefined) {
  const problem = sameOriginProblem(request.headers.host, request.headers.origin, !!token)
  if (problem) return reply.code(403).send({ ok: false, error: problem })
  if (
    token &&
    !isRendererFile(request) &&
    !tokenMatches(token, requestToken(request.headers.authorization, request.url))
  )
    return reply.code(401).send({ ok: false, error: 'missing or wrong access token' })
}

/**
 * The page and its scripts hold no data, and a browser cannot attach a token to them. Judged
 * by the matched route, not the raw URL, so that an encoded path cannot slip past.
 */
function isRendererFile(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? ''
  return request.method === 'GET' && !route.startsWith('/api/') && route !== '/healthz'
}

function serveRenderer(server: FastifyInstance, rendererDir: string | undefined) {
  const built = rendererDir !== undefined && existsSync(rendererDir)
  if (built) void server.register(fastifyStatic, { root: rendererDir, wildcard: false })
  server.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/'))
      return reply.code(404).send({ ok: false, error: `no route ${request.method} ${request.url}` })
    // The app routes in the page itself: any other path gets index.html.
    if (built) return reply.type('text/html').sendFile('index.html')
    return reply.code(404).send({ ok: false, error: 'the renderer is not built (npm run build)' })
  })
}
