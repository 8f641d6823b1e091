import { describe, expect, it } from 'vitest'
import { songDedupeKey } from '../../../src/main/core/catalog/song-identity'
import { foldChinese } from '../../../src/main/core/text/chinese'
import { normalizeText } from '../../../src/main/core/text/normalize'

describe('foldChinese', () => {
  it('writes traditional Chinese as simplified', () => {
    expect(foldChinese('周杰倫')).toBe('周杰伦')
    expect(foldChinese('愛情轉移 陳奕迅')).toBe('爱情转移 陈奕迅')
    expect(foldChinese('張學友 吻別')).toBe('张学友 吻别')
  })

  it('leaves simplified Chinese, kana, hangul and Latin text as it is', () => {
    expect(foldChinese('爱情转移')).toBe('爱情转移')
    expect(foldChinese('ライブ カバー')).toBe('ライブ カバー')
    expect(foldChinese('라이브')).toBe('라이브')
    expect(foldChinese('Café Song')).toBe('Café Song')
  })
})

describe('normalizeText with Chinese', () => {
  it('makes both forms of a name one name', () => {
    expect(normalizeText('後來 (現場版)')).toBe(normalizeText('后来（现场版）'))
    expect(normalizeText('劉若英')).toBe('刘若英')
  })

  it('gives both forms of a song one dedupe key', () => {
    expect(songDedupeKey('愛情轉移', ['陳奕迅'])).toBe(songDedupeKey('爱情转移', ['陈奕迅']))
  })
})
