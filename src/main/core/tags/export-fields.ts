import type { JsonObject } from '../catalog'
import type { ExportFormat } from '../importers'
/** Tag values an export may carry beyond the song's own columns. */
export interface ExportFields {
  track: number | null
  trackCount: number | null
  disc: number | null
  discCount: number | null
  /** An http(s) URL of the cover picture. */
  coverUrl: string | null
}

type KeyPath = readonly string[]

interface FieldPaths {
  track?: readonly KeyPath[]
  trackCount?: readonly KeyPath[]
  disc?: readonly KeyPath[]
  discCount?: readonly KeyPath[]
  cover?: readonly KeyPath[]
}

// Where each format keeps these in the snapshot (`extra`), under the export's own key names.
const PATHS: Partial<Record<ExportFormat, FieldPaths>> = {
  exportify_csv: {
    track: [['Track Number']],
    disc: [['Disc Number']],
    cover: [['Album Image URL']],
  },
  xspf: { track: [['trackNum']], cover: [['image']] },
  jspf: { track: [['trackNum']], cover: [['image']] },
  itunes_xml: {
    track: [['Track Number']],
    trackCount: [['Track Count']],
    disc: [['Disc Number']],
    discCount: [['Disc Count']],
  },
  netease_json: {
    track: [['no']],
    disc: [['cd']],
    cover: [
      ['al', 'picUrl'],
      ['album', 'picUrl'],
    ],
  },
}

// "3", 3, "03" and "3/12" (number/count, as some exports and tags write it).
const NUMBER_OF = /^\s*(\d{1,4})\s*(?:\/\s*(\d{1,4})\s*)?$/

function valueAt(extra: JsonObject, path: KeyPath): unknown {
  let current: unknown = extra
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
    current = Object.hasOwn(current, key) ? (current as JsonObject)[key] : undefined
  }
  // A repeated XML element comes as a list: its first value counts.
  return Array.isArray(current) ? current[0] : current
}

function firstValue(extra: JsonObject, paths: readonly KeyPath[] = []): unknown {
  for (const path of paths) {
    const value = valueAt(extra, path)
    if (value !== undefined && value !== null && value !== '') return value
  }
  return undefined
}

/** A positive number and the count after a slash, if any. */
function numberOf(value: unknown): { no: number | null; of: number | null } {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value
  const match = typeof text === 'string' ? NUMBER_OF.exec(text) : null
  const positive = (digits: string | undefined) => {
    const n = digits === undefined ? 0 : Number(digits)
    return n > 0 ? n : null
  }
  return { no: positive(match?.[1]), of: positive(match?.[2]) }
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const NONE: ExportFields = {
  track: null,
  trackCount: null,
  disc: null,
  discCount: null,
  coverUrl: null,
}

/** The track/disc numbers and cover URL a song's snapshot holds, when its export gave them. */
export function exportFields(metadata: JsonObject): ExportFields {
  const paths = PATHS[metadata.format as ExportFormat]
  const extra = metadata.extra
  if (!paths || typeof extra !== 'object' || extra === null || Array.isArray(extra)) return NONE
  const snapshot = extra as JsonObject
  const track = numberOf(firstValue(snapshot, paths.track))
  const disc = numberOf(firstValue(snapshot, paths.disc))
  return {
    track: track.no,
    trackCount: numberOf(firstValue(snapshot, paths.trackCount)).no ?? track.of,
    disc: disc.no,
    discCount: numberOf(firstValue(snapshot, paths.discCount)).no ?? disc.of,
    coverUrl: httpUrl(firstValue(snapshot, paths.cover)),
  }
}
