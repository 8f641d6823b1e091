import { z } from 'zod'
import { ITEM_STATES } from '../../../shared/states'
import { SOURCE_TYPES } from '../sources'
import type { ResolvedDownloadPayload } from './download-types'

const text = z.string().nullable()
const count = z.number().nullable()

const downloadRowSchema = z.object({
  itemId: z.int(),
  stageId: z.int(),
  jobId: z.int(),
  itemState: z.enum(ITEM_STATES),
  attempts: z.int(),
  songId: z.int(),
  playlistId: z.int().nullable(),
  playlistName: text,
  name: z.string(),
  singers: z.string(),
  artists: z.array(z.string()),
  album: text,
  durationMs: count,
  isrc: text,
  platform: text,
  externalId: text,
  ext: text,
  fileSizeBytes: count,
  metadata: z.record(z.string(), z.unknown()),
})

const resolvedSongSchema = z.object({
  sourceId: z.string(),
  sourceType: z.enum(SOURCE_TYPES),
  trackId: text,
  url: text,
  filePath: text,
  headers: z.record(z.string(), z.string()),
  ext: text,
  sizeBytes: count,
  expiresAt: count,
  score: z.number(),
  link: z.boolean(),
  coverUrl: text.optional(),
  matchedTitle: z.string(),
  matchedArtists: z.array(z.string()),
})

const payloadSchema = z.object({
  row: downloadRowSchema,
  displayText: z.string(),
  defaultRoot: z.string(),
  targetRoot: z.string(),
  backendId: z.int(),
  expectedBytes: count,
  song: resolvedSongSchema,
  sourceIndex: z.int().min(0),
}) satisfies z.ZodType<ResolvedDownloadPayload>

export type PayloadRead =
  | { ok: true; payload: ResolvedDownloadPayload }
  /** What was wrong, in words for the item's message. */
  | { ok: false; reason: string }

/**
 * Reads back the payload an item was saved with when it was resolved. The catalog may hold one
 * from an older version or a damaged file: that is reported, never trusted.
 */
export function readDownloadPayload(stored: unknown): PayloadRead {
  const parsed = payloadSchema.safeParse(stored)
  if (parsed.success) return { ok: true, payload: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return {
    ok: false,
    reason: `saved download details were unreadable (${where}${issue?.message ?? 'invalid'}); resolving again`,
  }
}
