import { normalizeText } from '../text'
import { namesSameRecording, versionKinds, type VersionKind } from './version-words'

/** A title taken apart for matching: its core words, its version tags, its featured artists. */
export interface TitleParts {
  /** The whole title, normalised. */
  full: string
  /** Without bracketed parts, "feat." parts and version suffixes, normalised. */
  core: string
  /** Kinds of other recording of the same song its tags name (live, remix, …). */
  versions: Set<VersionKind>
  /** Artists named in "feat." parts, normalised. */
  featured: string[]
}

const OPEN = '([{（［【〔'
const CLOSE = ')]}）］】〕'
const BRACKETED = new RegExp(
  `[${escapeForClass(OPEN)}]([^${escapeForClass(OPEN + CLOSE)}]*)[${escapeForClass(CLOSE)}]`,
  'gu',
)
const FEAT_WORD = /^(?:feat\.?|ft\.?|featuring|with)\s+/iu
const FEAT_TAIL = /\s+(?:feat\.?|ft\.?|featuring)\s+(.+)$/iu
// "Song - Remastered 2011": only a dash suffix that names a version is dropped.
const DASH_SUFFIX = /\s+[-–—]\s+([^-–—]+)$/u
function escapeForClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&')
}

// A dash suffix is a version tag only when it names one: "Song 2 - Blur Edit" keeps "Blur".
function namesVersion(suffix: string): boolean {
  const normalized = normalizeText(suffix)
  return versionKinds(normalized).size > 0 || namesSameRecording(normalized)
}

function splitFeatured(text: string): string[] {
  return text
    .split(/\s*(?:,|;|&|、|\band\b)\s*/iu)
    .map(normalizeText)
    .filter(Boolean)
}

/** Takes a title apart; NFKC first so that full-width brackets count as brackets. */
export function titleParts(title: string): TitleParts {
  const text = title.normalize('NFKC')
  const featured: string[] = []
  const versions = new Set<VersionKind>()
  const rest = stripExtras(text, (extra) => {
    const feat = FEAT_WORD.exec(extra)
    if (feat) featured.push(...splitFeatured(extra.slice(feat[0].length)))
    else versionKinds(normalizeText(extra)).forEach((kind) => versions.add(kind))
  })
  const full = normalizeText(text)
  return { full, core: normalizeText(rest) || full, versions, featured }
}

/** The title as written, without its bracketed, "feat." and version parts: a search text. */
export function coreTitleText(title: string): string {
  const text = title.normalize('NFKC')
  return (
    stripExtras(text, () => undefined)
      .replace(/\s+/g, ' ')
      .trim() || text.trim()
  )
}

/** Removes the extra parts of a title, handing each to `onExtra` ("feat. X", "Live", …). */
function stripExtras(text: string, onExtra: (extra: string) => void): string {
  let rest = text.replace(BRACKETED, (_match, inner: string) => {
    onExtra(inner.trim())
    return ' '
  })
  const dash = DASH_SUFFIX.exec(rest)
  if (dash?.[1] && namesVersion(dash[1])) {
    onExtra(dash[1].trim())
    rest = rest.slice(0, dash.index)
  }
  const feat = FEAT_TAIL.exec(rest)
  if (feat?.[1]) {
    onExtra(`feat. ${feat[1]}`)
    rest = rest.slice(0, feat.index)
  }
  return rest
}
