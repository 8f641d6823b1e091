/** The transfer folder's public face: other folders import only this. */
export { detectAudioFormat } from './audio-magic'
export type { AudioFormat } from './audio-magic'
export { algorithmOf, hashFile } from './content-hash'
export { readHead, syncFolder } from './part-file'
export { SpeedLimiter } from './speed-limiter'
export { TransferEngine } from './transfer-engine'
export type { TransferResult } from './transfer-types'
