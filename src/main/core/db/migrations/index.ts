import type { Migration } from '../migration'
import { catalogAndOps } from './0001-catalog-and-ops'

/** Every schema step, oldest first. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [catalogAndOps]
