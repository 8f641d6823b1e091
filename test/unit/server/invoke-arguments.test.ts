import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createHttpServer } from '../../../src/main/server/http-server'
import { buildHandlers } from '../../../src/main/core/service/handlers'
import type * as schemas from '../../../src/shared/contract-schemas'
import { parseInvokeArgs } from '../../../src/shared/contract-schemas'
import { tempCatalog, type TempCatalog } from '../../support/temp-catalog'

vi.mock('../../../src/shared/contract-schemas', async (importOriginal) => {
  const actual = await importOriginal<typeof schemas>()
  return { ...actual, parseInvokeArgs: vi.fn(actual.parseInvokeArgs) }
})

let temp: TempCatalog
let server: FastifyInstance
beforeEach(() => {
  temp = tempCatalog()
  server = createHttpServer(temp.app)
  vi.mocked(parseInvokeArgs).mockClear()
})
afterEach(async () => {
  await server.close()
  temp.cleanup()
})

const invoke = (channel: string, args: unknown) =>
  server.inject({ method: 'POST', url: `/api/invoke/${channel}`, payload: args as object })

describe('arguments of an invoke call', () => {
  it('are parsed once over HTTP', async () => {
    const answer = await invoke('playlists:songs', [{ playlistId: 7, offset: 0, limit: 5 }])
    expect(answer.json()).toEqual({ ok: false, error: 'playlists:songs: No playlist with id 7' })
    expect(parseInvokeArgs).toHaveBeenCalledTimes(1)
  })

  it('that are bad get a 400 over HTTP, before any call', async () => {
    const answer = await invoke('playlists:songs', [{ playlistId: 'seven' }])
    expect(answer.statusCode).toBe(400)
    expect(answer.json()).toMatchObject({ ok: false, error: /^playlists:songs: argument 0/ })
    expect(parseInvokeArgs).toHaveBeenCalledTimes(1)
  })

  it('are parsed once over IPC too', async () => {
    const handlers = buildHandlers(temp.app)
    expect(await handlers['status:get']()).toMatchObject({ ok: true })
    expect(await handlers['jobs:start']({ playlistIds: ['x'] })).toMatchObject({ ok: false })
    expect(parseInvokeArgs).toHaveBeenCalledTimes(2)
  })
})
