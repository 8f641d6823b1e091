import { z } from 'zod'
import { SONG_STATES, type InvokeArgs, type InvokeChannel } from './contract'
import type { SettingsView, SourceSettings } from './settings'
import { REMOVAL_POLICIES } from './removal-policy'
import { ITEM_STATES } from './states'

const id = z.int().min(1)
const ids = z.array(id).max(10_000)
/** Exports up to 64 MiB, as base64 (4 characters per 3 bytes). */
const MAX_UPLOAD_BASE64 = Math.ceil((64 * 1024 * 1024) / 3) * 4

const upload = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), { message: 'must be a file name, not a path' }),
  contentBase64: z
    .string()
    .max(MAX_UPLOAD_BASE64, { message: 'is over 64 MiB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
})

const none = z.tuple([])

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
// Settings and sources are checked key by key by the core's own schemas, whose messages name
// the source and key; here only the shape of the argument is.
const settingsPatch = z.custom<Partial<SettingsView>>(isPlainObject, 'must be an object')
const sourceEntry = z.custom<SourceSettings>(isPlainObject, 'must be an object')

/** One schema per invoke channel for its argument list; the map's type keeps it complete. */
export const INVOKE_ARG_SCHEMAS: { [C in InvokeChannel]: z.ZodType<InvokeArgs<C>> } = {
  'status:get': none,
  'jobs:start': z.tuple([z.strictObject({ playlistIds: ids.optional() }).optional()]),
  'jobs:pause': none,
  'jobs:resume': none,
  'jobs:cancel': none,
  'playlists:list': none,
  'playlists:songs': z.tuple([
    z.strictObject({
      playlistId: id,
      offset: z.int().min(0),
      limit: z.int().min(1).max(500),
      search: z.string().max(200).optional(),
      state: z.enum(SONG_STATES).optional(),
    }),
  ]),
  'playlists:set-removal-policy': z.tuple([
    z.strictObject({ playlistId: id, policy: z.enum(REMOVAL_POLICIES) }),
  ]),
  'import:preview': z.tuple([upload]),
  'import:apply': z.tuple([upload]),
  'items:retry': z.tuple([z.strictObject({ itemIds: ids.optional() }).optional()]),
  'items:review': z.tuple([
    z.strictObject({ itemId: id, trackId: z.string().min(1).max(500).nullable() }),
  ]),
  'items:problems': z.tuple([
    z.strictObject({
      kind: z.enum(['failed', 'review']),
      offset: z.int().min(0),
      limit: z.int().min(1).max(500),
    }),
  ]),
  'settings:get': none,
  'settings:set': z.tuple([settingsPatch]),
  'settings:layout-example': z.tuple([z.strictObject({ layout: z.string().min(1).max(1000) })]),
  'sources:test': z.tuple([sourceEntry]),
  'dashboard:get': z.tuple([
    z
      .strictObject({
        includeTaskRows: z.boolean().optional(),
        offset: z.int().min(0).optional(),
        limit: z.int().min(1).max(500).optional(),
        states: z.array(z.enum(ITEM_STATES)).optional(),
      })
      .optional(),
  ]),
}

/** Checks a channel's arguments; the error names the channel and what is wrong. */
export function parseInvokeArgs<C extends InvokeChannel>(
  channel: C,
  args: unknown,
): { ok: true; value: InvokeArgs<C> } | { ok: false; error: string } {
  const schema: z.ZodType<InvokeArgs<C>> = INVOKE_ARG_SCHEMAS[channel]
  const result = schema.safeParse(args)
  if (result.success) return { ok: true, value: result.data }
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : ''
    return `${where}${issue.message}`
  })
  return { ok: false, error: `${channel}: ${problems.join('; ')}` }
}
