import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePlaylistBuffer } from '../../../src/main/core/importers'
import { fixture, formatErrorOf, parseFixture } from '../../support/importers'

const XSPF_BODY =
  '<playlist version="1" xmlns="http://xspf.org/ns/0/"><title>T</title><trackList/></playlist>'

describe('XML entity safety', () => {
  let requests = 0
  const server = createServer((_request, response) => {
    requests++
    response.end('<!ENTITY fromServer "fetched">')
  })
  let origin = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('refuses a billion-laughs entity bomb at once, expanding nothing', async () => {
    const started = Date.now()
    const error = await formatErrorOf(
      () => parseFixture('malformed/entity_bomb.xspf'),
      fixture('malformed/entity_bomb.xspf'),
    )
    expect(error.problem).toBe('line 13: the DOCTYPE declares entities, which are refused')
    expect(error.message).not.toContain('lollol')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('refuses an external entity without reading the file it names', async () => {
    const error = await formatErrorOf(
      () => parseFixture('malformed/external_entity.xspf'),
      fixture('malformed/external_entity.xspf'),
    )
    expect(error.problem).toMatch(/DOCTYPE declares entities/)
    expect(error.message).not.toMatch(/root:/)
  })

  it('refuses entity declarations in an iTunes plist DOCTYPE', async () => {
    const error = await formatErrorOf(
      () => parseFixture('malformed/plist_with_entity.xml'),
      fixture('malformed/plist_with_entity.xml'),
    )
    expect(error.problem).toMatch(/DOCTYPE declares entities/)
  })

  it('refuses parameter entities too', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY % remote SYSTEM "${origin}/p.dtd"> %remote;]>${XSPF_BODY}`
    await formatErrorOf(() => parsePlaylistBuffer('p.xspf', Buffer.from(xml)), 'p.xspf')
    expect(requests).toBe(0)
  })

  it('never fetches an external DTD, and refuses the entities it would have declared', async () => {
    const withDtd = `<?xml version="1.0"?><!DOCTYPE playlist SYSTEM "${origin}/playlist.dtd">`
    const parsed = parsePlaylistBuffer('ok.xspf', Buffer.from(`${withDtd}${XSPF_BODY}`))
    expect(parsed.playlists[0]?.name).toBe('T')
    const error = await formatErrorOf(
      () => parseFixture('malformed/undeclared_entity.xspf'),
      fixture('malformed/undeclared_entity.xspf'),
    )
    expect(error.problem).toBe('line 4: malformed XML: undefined entity')
    expect(requests).toBe(0)
  })

  it('accepts the standard plist DOCTYPE and numeric character references', async () => {
    const parsed = await parseFixture('itunes/Library.xml')
    expect(parsed.playlists[0]?.name).toBe('Grunge & Alt')
  })
})
