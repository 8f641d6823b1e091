import type { Candidate, SongQuery } from './candidate'
import { artistNames } from './artist-names'
import { similarity } from './similarity'
import { titleParts, type TitleParts } from './title-parts'
import { normalizeText } from '../text'
import { VERSION_WORDS, versionKinds, without, withoutNoise, wordPattern } from './version-words'

/** What the matcher needs from a query: the export's title, artists, duration and ISRC. */
export type MatchQuery = Pick<SongQuery, 'title' | 'artists' | 'durationMs' | 'isrc'>

/** Each part's score (0..1, null when one side does not know it) and the total. */
export interface ScoreDetails {
  score: number
  title: number
  artists: number | null
  duration: number | null
  isrcEqual: boolean
  /** The candidate's channel is the artist's own (its name, "- Topic", "VEVO"). */
  official: boolean
  /** Kinds of other recording (live, cover, …) on one side and not on the other. */
  versionMismatch: string[]
}

// Duration weighs as much as the artists: a cover, a loop or a live take rarely runs as long
// as the recording, so it is the strongest signal a video site's result carries.
const WEIGHTS = { title: 0.5, artists: 0.25, duration: 0.25 }
const DURATION_EXACT_MS = 2000
const DURATION_FAR_MS = 20_000
// A part that clearly disagrees caps the total, however well the rest agrees: the same title
// by another artist may be offered for review but never downloaded as a match.
const TITLE_MIN = 0.7
const CAP_TITLE_MISMATCH = 0.3
const ARTISTS_MIN = 0.5
const CAP_ARTIST_MISMATCH = 0.55
const CAP_DURATION_MISMATCH = 0.7
// A live take or a remix is another recording than the one the export meant.
const CAP_VERSION_MISMATCH = 0.75
const ISRC_MATCH = 0.95
// The artist's own channel vouches for a result, a little: it never lifts a capped score.
const OFFICIAL_BONUS = 0.05
// A video site's result that names none of the query's artists, in title, channel or tags.
const UNNAMED_ARTIST = 0.2
// A result naming the query's title among other words ("Adele - Hello (Official Video)").
const CONTAINED_TITLE = 0.8
const VERSION_WORD_LIST: readonly string[] = Object.values(VERSION_WORDS).flat()

/** Equal titles score 1; equal core words under different brackets or suffixes a little less. */
function titleScore(query: TitleParts, candidate: TitleParts, names: readonly string[]): number {
  if (query.full === candidate.full) return 1
  const plain = similarity(query.core, candidate.core)
  const asked = withoutNoise(query.core) || query.core
  // A video title carries the artist, packaging and version words around the song's title,
  // often with the title itself in brackets (周杰倫【晴天】Official MV): those are taken out.
  const cleaned = [candidate.core, candidate.full].map((text) => bareTitle(text, names, asked))
  const bare = Math.max(...cleaned.map((text) => similarity(asked, text)))
  const contained = cleaned.some((text) => wordPattern(asked).test(text))
    ? CONTAINED_TITLE + (1 - CONTAINED_TITLE) * bare
    : 0
  return Math.min(0.95, Math.max(plain, bare, contained))
}

/** The title without names, packaging and version words, but with those the query's has. */
function bareTitle(text: string, names: readonly string[], asked: string): string {
  const versionWords = VERSION_WORD_LIST.filter((word) => !wordPattern(word).test(asked))
  return without(without(withoutNoise(text), names), versionWords) || text
}

function coverage(from: readonly string[], to: readonly string[]): number {
  const best = from.map((name) => Math.max(...to.map((other) => similarity(name, other))))
  return best.reduce((sum, value) => sum + value, 0) / best.length
}

/** Either side may leave out featured artists, so the better-covered direction counts. */
function artistScore(query: readonly string[], candidate: readonly string[]): number | null {
  if (query.length === 0 || candidate.length === 0) return null
  const joined = similarity([...query].sort().join(' '), [...candidate].sort().join(' '))
  return Math.max(coverage(query, candidate), coverage(candidate, query), joined)
}

/** The query's artists a video site's result names anywhere: title, channel or tags. */
function mentionedArtists(queryArtists: readonly string[], candidate: Candidate): string[] {
  const text = normalizeText(
    [candidate.title, candidate.channel ?? '', ...candidate.artists].join(' '),
  )
  return queryArtists.filter((name) => wordPattern(name).test(text))
}

function mentionScore(queryArtists: readonly string[], mentioned: readonly string[]): number {
  return mentioned.length === 0
    ? UNNAMED_ARTIST
    : 0.7 + (0.3 * mentioned.length) / queryArtists.length
}

const OFFICIAL_SUFFIXES = ['', 'topic', 'vevo', 'official', 'music', 'officialchannel', 'channel']

/** "Adele", "Adele - Topic", "AdeleVEVO", "周杰倫 Jay Chou", "Ayase / YOASOBI". */
function isOfficialChannel(
  queryArtists: readonly string[],
  channel: string | null | undefined,
): boolean {
  if (!channel) return false
  const name = normalizeText(channel)
  const squashed = name.replace(/\s+/gu, '')
  return queryArtists.some((artist) => {
    const bare = artist.replace(/\s+/gu, '')
    if (OFFICIAL_SUFFIXES.some((suffix) => squashed === bare + suffix)) return true
    // The artist's own channel often adds a second spelling of the name: it starts or ends with it.
    return name.startsWith(`${artist} `) || name.endsWith(` ${artist}`)
  })
}

/**
 * Kinds of other recording named on one side only. The query's are read from its tags
 * (brackets and dash suffixes), the candidate's from all its text without the query's own title
 * and artists, so "Live Forever" by Oasis is not a live take, nor "Piano Man" a piano cover.
 */
function versionMismatch(
  query: TitleParts,
  queryArtists: readonly string[],
  candidate: Candidate,
): string[] {
  const asked = query.versions
  const offered = versionKinds(
    without(normalizeText(`${candidate.title} ${candidate.channel ?? ''}`), [
      query.core,
      ...queryArtists,
    ]),
  )
  return [...new Set([...asked, ...offered])].filter(
    (kind) => asked.has(kind) !== offered.has(kind),
  )
}

function durationScore(query: number | null, candidate: number | null): number | null {
  if (query === null || candidate === null || query <= 0 || candidate <= 0) return null
  const off = Math.abs(query - candidate)
  if (off <= DURATION_EXACT_MS) return 1
  return Math.max(0, 1 - (off - DURATION_EXACT_MS) / (DURATION_FAR_MS - DURATION_EXACT_MS))
}

function isrcKey(isrc: string | null | undefined): string | null {
  const key = isrc?.replace(/[\s-]/g, '').toUpperCase()
  return key ? key : null
}

function weighted(parts: ReadonlyArray<readonly [number, number | null]>): number {
  let total = 0
  let weight = 0
  for (const [partWeight, value] of parts) {
    if (value === null) continue
    total += partWeight * value
    weight += partWeight
  }
  return total / weight
}

function capped(
  score: number,
  title: number,
  artists: number | null,
  duration: number | null,
  sameVersion: boolean,
): number {
  let result = score
  if (title < TITLE_MIN) result = Math.min(result, CAP_TITLE_MISMATCH)
  if (!sameVersion) result = Math.min(result, CAP_VERSION_MISMATCH)
  if (artists !== null && artists < ARTISTS_MIN) result = Math.min(result, CAP_ARTIST_MISMATCH)
  if (duration === 0) result = Math.min(result, CAP_DURATION_MISMATCH)
  return result
}

/** Scores one candidate against the query, with each part's score for display and tests. */
export function scoreDetails(query: MatchQuery, candidate: Candidate): ScoreDetails {
  const queryTitle = titleParts(query.title)
  const candidateTitle = titleParts(candidate.title)
  const queryArtists = artistNames(query.artists, queryTitle.featured)
  const candidateArtists = artistNames(candidate.artists, candidateTitle.featured)
  const channel = candidate.channel ? normalizeText(candidate.channel) : null
  const names = [...queryArtists, ...candidateArtists, ...(channel ? [channel] : [])]
  const title = titleScore(queryTitle, candidateTitle, names)
  const fromVideo = 'channel' in candidate && queryArtists.length > 0
  // A video without artist tags lists only the guests its title names ("… ft. JAY-Z"): those
  // are found as mentions, not taken for the whole artist list.
  const tagless = fromVideo && candidate.artists.length === 0
  const listed = tagless ? null : artistScore(queryArtists, candidateArtists)
  const mentioned = fromVideo
    ? mentionScore(queryArtists, mentionedArtists(queryArtists, candidate))
    : null
  // Listed artists that disagree are not outvoted by a name in the title ("Hello (Adele Cover)").
  const artists =
    mentioned === null
      ? listed
      : listed === null
        ? mentioned
        : Math.max(listed, Math.min(mentioned, listed + 0.3))
  const official = isOfficialChannel(queryArtists, candidate.channel)
  const mismatch = versionMismatch(queryTitle, queryArtists, candidate)
  const duration = durationScore(query.durationMs, candidate.durationMs)
  const queryIsrc = isrcKey(query.isrc)
  const isrcEqual = queryIsrc !== null && queryIsrc === isrcKey(candidate.isrc)

  let score = weighted([
    [WEIGHTS.title, title],
    [WEIGHTS.artists, artists],
    [WEIGHTS.duration, duration],
  ])
  // Half the way to 1 at most, so an official upload still ranks below an exact Topic track.
  if (official) score += Math.min(OFFICIAL_BONUS, (1 - score) / 2)
  score = capped(score, title, artists, duration, mismatch.length === 0)
  // One recording, one ISRC: equal codes outweigh differently written tags.
  if (isrcEqual) score = Math.max(score, ISRC_MATCH)
  return {
    score: round(score),
    title: round(title),
    artists: artists === null ? null : round(artists),
    duration: duration === null ? null : round(duration),
    isrcEqual,
    official,
    versionMismatch: mismatch,
  }
}

/**
 * Which song a candidate is, as far as telling two songs apart goes: its bare title and its
 * artists (for a video site's result without artist tags, the query's artists it names).
 * "Adele - Hello (Official Video)" and the Topic upload "Hello" by Adele are one song.
 */
export function songKey(
  query: Pick<MatchQuery, 'title' | 'artists'>,
  candidate: Candidate,
): string {
  const title = titleParts(candidate.title)
  const queryArtists = artistNames(query.artists)
  const listed = artistNames(candidate.artists, title.featured)
  const artists = listed.length > 0 ? listed : mentionedArtists(queryArtists, candidate)
  const channel = candidate.channel ? [normalizeText(candidate.channel)] : []
  const asked = titleParts(query.title).core
  const bare = bareTitle(title.full, [...queryArtists, ...listed, ...channel], asked)
  return [bare, ...[...artists].sort()].join('\u001f')
}

/** 0..1: how surely this candidate is the song the query describes. */
export function scoreCandidate(query: MatchQuery, candidate: Candidate): number {
  return scoreDetails(query, candidate).score
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
