import type { ServerResponse } from 'node:http'
import type { AppService } from '../core/service'
import { EVENT_CHANNELS } from '../../shared/contract'

const HEARTBEAT_MS = 15_000

/** Streams the core's events (already coalesced in the core) as server-sent events. */
export function streamEvents(app: AppService, res: ServerResponse): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  res.write(': connected\n\n')
  const offs = EVENT_CHANNELS.map((channel) =>
    app.on(channel, (payload) => {
      res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)
    }),
  )
  // Proxies drop idle connections: a comment line now and then keeps the stream open.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    offs.forEach((off) => off())
    res.end()
  }
  res.on('close', close)
  return close
}
