import { describe, expect, it } from 'vitest'
import { electronSqliteBinding } from '../../../src/main/electron/sqlite-binding'

describe('the Electron build of better-sqlite3', () => {
  it('says how to make it when it is missing', () => {
    expect(() => electronSqliteBinding('/no/such/app')).toThrow(/npm run rebuild:electron/)
  })
})
