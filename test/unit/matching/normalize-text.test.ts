import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../../src/main/core/text/normalize'

describe('normalizeText with control characters', () => {
  it('reads them as word breaks', () => {
    expect(normalizeText('a\nb\u0000c')).toBe('a b c')
    expect(normalizeText('Title\u0007')).toBe('title')
  })
})
