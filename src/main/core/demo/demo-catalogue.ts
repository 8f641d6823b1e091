/** The demo's songs: invented names, generated tones, a few seconds each. */
export interface DemoSong {
  id: string
  title: string
  artist: string
  album: string
  durationSec: number
  frequencyHz: number
}

const ARTISTS = [
  ['The Oscillators', 'Waveforms'],
  ['Nina Sawtooth', 'Harmonic Series'],
  ['Lowpass Ensemble', 'Filtered'],
  ['DJ Nyquist', 'Sampling Theorem'],
] as const

const TITLES = [
  'Morning Sine',
  'Square Dance',
  'Triangle Road',
  'Phase Shift',
  'Resonance',
  'Overtones',
  'Beat Frequency',
  'Standing Wave',
  'Doppler Drive',
  'White Noise Lullaby',
  'Pink Noise Sunset',
  'Carrier Signal',
  'Feedback Loop',
  'Harmonic Motion',
  'Attack Decay',
  'Sustain Release',
  'Low Frequency',
  'High Frequency',
  'Zero Crossing',
  'Fourier Heart',
]

export const DEMO_SONGS: readonly DemoSong[] = TITLES.map((title, index) => {
  const [artist, album] = ARTISTS[index % ARTISTS.length] as (typeof ARTISTS)[number]
  return {
    id: `demo-${index + 1}`,
    title,
    artist,
    album,
    durationSec: 5 + (index % 5),
    frequencyHz: 220 + index * 22,
  }
})

/** The demo playlist as an XSPF export, the way a person would drop one onto the window. */
export function demoPlaylistXspf(): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const tracks = DEMO_SONGS.map(
    (song) =>
      `    <track><title>${escape(song.title)}</title><creator>${escape(song.artist)}</creator>` +
      `<album>${escape(song.album)}</album><duration>${song.durationSec * 1000}</duration></track>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
    '  <title>CatalogSync Demo</title>',
    '  <trackList>',
    ...tracks,
    '  </trackList>',
    '</playlist>',
    '',
  ].join('\n')
}
