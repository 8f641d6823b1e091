/**
 * What a sync does with the file of a song a re-import dropped from a playlist: keep it, move
 * it to the archive folder, or delete it. Archive and delete act only once no playlist lists
 * the song any more.
 */
export const REMOVAL_POLICIES = ['keep', 'archive', 'delete'] as const
export type RemovalPolicy = (typeof REMOVAL_POLICIES)[number]

export const isRemovalPolicy = (value: string): value is RemovalPolicy =>
  (REMOVAL_POLICIES as readonly string[]).includes(value)
