import type { SaxesTagNS } from 'saxes'
import { FormatProblem } from './errors'
import {
  buildTrack,
  cleanSourceId,
  cleanText,
  durationFromMs,
  singleArtist,
} from './normalize-fields'
import type { ParsedBody, ParsedTrack } from './types'
import { readXml } from './xml-reader'

const XSPF_NAMESPACE = 'http://xspf.org/ns/0/'

// Children whose content the contract ignores, so they are not part of the snapshot either.
const IGNORED_CHILDREN = new Set(['extension', 'link', 'meta'])
const MAPPED_CHILDREN = new Set(['title', 'creator', 'album', 'duration'])

type Children = Map<string, string[]>

/** Multi-valued children (a second location) survive in the snapshot. */
function trackFromChildren(children: Children): ParsedTrack {
  const first = (name: string): string | undefined => children.get(name)?.[0]
  const extra: Record<string, unknown> = {}
  for (const [name, values] of children) {
    if (MAPPED_CHILDREN.has(name)) continue
    if (name === 'location' || name === 'identifier') {
      if (values.length > 1) extra[name] = values
    } else extra[name] = values.length === 1 ? values[0] : values
  }
  return buildTrack({
    title: first('title'),
    artists: singleArtist(first('creator')),
    album: first('album'),
    durationMs: durationFromMs(first('duration')),
    location: first('location'),
    sourceId: first('identifier'),
    extra,
  })
}

/**
 * Reads playlist/title, playlist/identifier and playlist/trackList/track/*: only direct
 * children in the XSPF namespace, so extension content never leaks into a field.
 */
class XspfReader {
  readonly tracks: ParsedTrack[] = []
  private readonly path: string[] = []
  private readonly playlistFields: Children = new Map()
  private track: Children | null = null
  private capture: { name: string; depth: number; into: Children } | null = null
  private buffer = ''

  get name(): string | null {
    return cleanText(this.playlistFields.get('title')?.[0])
  }

  get sourceId(): string | null {
    return cleanSourceId(this.playlistFields.get('identifier')?.[0])
  }

  open(tag: SaxesTagNS): void {
    const inXspf = tag.uri === XSPF_NAMESPACE || tag.uri === ''
    const name = inXspf ? tag.local : `{${tag.uri}}${tag.local}`
    const parent = this.path.join('/')
    this.path.push(name)
    if (this.path.length === 1 && name !== 'playlist') {
      throw new FormatProblem(`root element <${tag.name}> is not an XSPF <playlist>`)
    }
    if (!inXspf || this.capture) return
    if (parent === 'playlist/trackList' && name === 'track') this.track = new Map()
    else if (parent === 'playlist/trackList/track' && this.track && !IGNORED_CHILDREN.has(name)) {
      this.startCapture(name, this.track)
    } else if (parent === 'playlist' && (name === 'title' || name === 'identifier')) {
      this.startCapture(name, this.playlistFields)
    }
  }

  close(): void {
    const depth = this.path.length
    const name = this.path.pop()
    if (this.capture?.depth === depth) {
      const { into } = this.capture
      into.set(this.capture.name, [...(into.get(this.capture.name) ?? []), this.buffer])
      this.capture = null
    } else if (name === 'track' && depth === 3 && this.track) {
      this.tracks.push(trackFromChildren(this.track))
      this.track = null
    }
  }

  text(text: string): void {
    if (this.capture?.depth === this.path.length) this.buffer += text
  }

  private startCapture(name: string, into: Children): void {
    this.capture = { name, depth: this.path.length, into }
    this.buffer = ''
  }
}

/** XSPF, the XML Shareable Playlist Format. */
export function parseXspf(text: string): ParsedBody {
  const reader = new XspfReader()
  readXml(text, reader)
  return {
    platform: null,
    playlists: [{ name: reader.name, sourceId: reader.sourceId, tracks: reader.tracks }],
  }
}
