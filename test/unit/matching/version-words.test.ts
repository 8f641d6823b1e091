import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../../src/main/core/text/normalize'
import {
  namesSameRecording,
  versionKinds,
  withoutNoise,
} from '../../../src/main/core/matching/version-words'

const kinds = (title: string) => [...versionKinds(normalizeText(title))].sort()

describe('versionKinds', () => {
  it('finds Latin version words on word boundaries only', () => {
    expect(kinds('Hello (Live at Wembley)')).toEqual(['live'])
    expect(kinds('Alive')).toEqual([])
    expect(kinds('Deliver Us')).toEqual([])
    expect(kinds('Song (Karaoke Version)')).toEqual(['karaoke'])
    expect(kinds('song (slowed + reverb)')).toEqual(['slowed'])
    expect(kinds('Nightcore - Song')).toEqual(['spedUp'])
    expect(kinds('Song (Sped-Up)')).toEqual(['spedUp'])
    expect(kinds('Song (8D Audio)')).toEqual(['spatial'])
    expect(kinds('Song [1 Hour]')).toEqual(['loop'])
    expect(kinds('Song - Piano Version')).toEqual(['piano'])
    expect(kinds('Song - Guitar Cover')).toEqual(['cover', 'guitar'])
    expect(kinds('Song (DJ Remix)')).toEqual(['remix'])
    expect(kinds('Song (Instrumental)')).toEqual(['instrumental'])
    expect(kinds('Song (Acoustic)')).toEqual(['acoustic'])
    expect(kinds("Love Story (Taylor's Version)")).toEqual(['rerecording'])
  })

  it('finds CJK, kana and hangul version words inside unspaced text', () => {
    expect(kinds('后来现场版')).toEqual(['live'])
    expect(kinds('後來 現場')).toEqual(['live'])
    expect(kinds('晴天 演唱會')).toEqual(['live'])
    expect(kinds('晴天鋼琴版')).toEqual(['piano'])
    expect(kinds('晴天 伴奏')).toEqual(['instrumental'])
    expect(kinds('【翻唱】晴天')).toEqual(['cover'])
    expect(kinds('夜に駆ける ライブ')).toEqual(['live'])
    expect(kinds('夜に駆ける カバー')).toEqual(['cover'])
    expect(kinds('夜に駆ける 歌ってみた')).toEqual(['cover'])
    expect(kinds('밤편지 라이브')).toEqual(['live'])
    expect(kinds('밤편지 커버')).toEqual(['cover'])
  })

  it('takes remasters and edits for the same recording', () => {
    expect(kinds('Song (2011 Remaster)')).toEqual([])
    expect(kinds('Song - Radio Edit')).toEqual([])
    expect(namesSameRecording(normalizeText('2011 Remaster'))).toBe(true)
    expect(namesSameRecording(normalizeText('Radio Edit'))).toBe(true)
    expect(namesSameRecording(normalizeText('Original Mix'))).toBe(true)
    expect(namesSameRecording(normalizeText('Wembley'))).toBe(false)
  })
})

describe('withoutNoise', () => {
  it('drops packaging and same-recording words a video site adds', () => {
    expect(withoutNoise('Adele - Hello (Official Music Video)')).toBe('adele hello')
    expect(withoutNoise('Song [HD] (Lyrics)')).toBe('song')
    expect(withoutNoise('Song - 2011 Remaster')).toBe('song 2011')
    expect(withoutNoise('晴天【动态歌词】')).toBe('晴天')
  })
})
