import { createHash, randomBytes } from 'node:crypto'
import type { Dispatcher } from 'undici'
import { HttpStatusError, redactUrl } from '../../net'
import { untilAborted } from '../../util'
import { headerValue, httpGet, type HttpOptions } from './subsonic-http'
import { checkEnvelope, parseEnvelope, SubsonicError, type SubsonicBody } from './subsonic-response'
import { searchSongs, type SubsonicCandidate } from './subsonic-songs'

export interface SubsonicClientOptions {
  url: string
  user: string
  password: string
  dispatcher?: Dispatcher
  timeoutMs?: number
}

/** How this server wants the password: token (API 1.13.0 and later) or hex-encoded. */
interface Session {
  auth: 'token' | 'password'
  version: string
}

export interface DownloadCheck {
  contentType: string
  sizeBytes: number | null
}

const CLIENT_NAME = 'catalogsync'
// Sent before the server's own version is known: old enough that any server accepts it.
const PROBE_VERSION = '1.10.2'
const TOKEN_AUTH_SINCE = [1, 13, 0]
const NOT_AUDIO = /\b(json|xml|html)\b|^text\//i
const CODE_TOKEN_UNSUPPORTED = 41

export function supportsTokenAuth(version: string): boolean {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10) || 0)
  for (const [index, since] of TOKEN_AUTH_SINCE.entries()) {
    const part = parts[index] ?? 0
    if (part !== since) return part > since
  }
  return true
}

/** Speaks the Subsonic REST API (JSON) to one server as one user. */
export class SubsonicClient {
  private readonly base: URL
  private readonly http: HttpOptions
  private session: Promise<Session> | null = null

  constructor(private readonly options: SubsonicClientOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`)
    this.http = {
      timeoutMs: options.timeoutMs ?? 30_000,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    }
  }

  /** Pings once per client (concurrent callers share it) and learns which auth to use. */
  connect(signal: AbortSignal): Promise<Session> {
    this.session ??= this.handshake().catch((error: unknown) => {
      this.session = null
      throw error
    })
    return untilAborted(this.session, signal)
  }

  async search(text: string, signal: AbortSignal): Promise<SubsonicCandidate[]> {
    const session = await this.connect(signal)
    const params = { query: text, songCount: '40', artistCount: '0', albumCount: '0' }
    return searchSongs(await this.call('search3', params, session, signal))
  }

  /** The original file's URL, credentials included: it is handed to the downloader as is. */
  async downloadUrl(id: string, signal: AbortSignal): Promise<string> {
    return this.url('download', { id }, await this.connect(signal))
  }

  /** The URL of a cover picture by its `coverArt` id, credentials included, like a download. */
  async coverArtUrl(id: string, signal: AbortSignal): Promise<string> {
    return this.url('getCoverArt', { id }, await this.connect(signal))
  }

  /**
   * Asks for the first byte of a download: an error envelope (JSON or XML with HTTP 200) or an
   * HTML page comes back as an error here, never as audio; the size comes from the headers.
   */
  async checkDownload(url: string, signal: AbortSignal): Promise<DownloadCheck> {
    const answer = await httpGet(
      url,
      signal,
      { ...this.http, headers: { range: 'bytes=0-0' } },
      (type) => NOT_AUDIO.test(type),
    )
    if (answer.text !== null) {
      const body = parseEnvelope(answer.contentType, answer.text)
      if (body) checkEnvelope(body)
      throw new Error(`subsonic: the download answered ${answer.contentType}, not audio`)
    }
    if (answer.statusCode !== 200 && answer.statusCode !== 206) {
      throw new HttpStatusError(answer.statusCode, redactUrl(url))
    }
    const range = /\/(\d+)\s*$/.exec(headerValue(answer.headers, 'content-range') ?? '')?.[1]
    const length = answer.statusCode === 200 ? headerValue(answer.headers, 'content-length') : null
    const size = Number(range ?? length ?? Number.NaN)
    return { contentType: answer.contentType, sizeBytes: Number.isFinite(size) ? size : null }
  }

  private async handshake(): Promise<Session> {
    // Shared by every caller, so no caller's signal: each request has its own timeout.
    const signal = new AbortController().signal
    // Unauthenticated first: even a "failed" envelope tells the server's API version, so the
    // password is never sent in a weaker form to a server that takes tokens.
    const probe = await this.envelope(this.url('ping', {}, null), signal)
    const version = probe.version ?? PROBE_VERSION
    const session: Session = { auth: supportsTokenAuth(version) ? 'token' : 'password', version }
    try {
      await this.call('ping', {}, session, signal)
    } catch (error) {
      if (!(error instanceof SubsonicError && error.code === CODE_TOKEN_UNSUPPORTED)) throw error
      session.auth = 'password'
      await this.call('ping', {}, session, signal)
    }
    return session
  }

  private async call(
    method: string,
    params: Record<string, string>,
    session: Session,
    signal: AbortSignal,
  ): Promise<SubsonicBody> {
    return checkEnvelope(await this.envelope(this.url(method, params, session), signal))
  }

  private async envelope(url: string, signal: AbortSignal): Promise<SubsonicBody> {
    const answer = await httpGet(url, signal, this.http)
    const body = parseEnvelope(answer.contentType, answer.text ?? '')
    if (body) return body
    if (answer.statusCode !== 200) {
      const message = `subsonic: HTTP ${answer.statusCode} from ${redactUrl(url)}`
      throw new HttpStatusError(answer.statusCode, redactUrl(url), message)
    }
    throw new Error(`subsonic: ${redactUrl(url)} did not answer like a Subsonic server`)
  }

  private url(method: string, params: Record<string, string>, session: Session | null): string {
    const url = new URL(`rest/${method}.view`, this.base)
    const query = url.searchParams
    query.set('u', this.options.user)
    if (session)
      for (const [key, value] of Object.entries(this.auth(session))) query.set(key, value)
    query.set('v', session?.version ?? PROBE_VERSION)
    query.set('c', CLIENT_NAME)
    query.set('f', 'json')
    for (const [key, value] of Object.entries(params)) query.set(key, value)
    return url.href
  }

  private auth(session: Session): Record<string, string> {
    const { password } = this.options
    if (session.auth === 'password') {
      return { p: `enc:${Buffer.from(password, 'utf8').toString('hex')}` }
    }
    const salt = randomBytes(8).toString('hex')
    return {
      t: createHash('md5')
        .update(password + salt, 'utf8')
        .digest('hex'),
      s: salt,
    }
  }
}
