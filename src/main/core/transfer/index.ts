/** The transfer folder's public face: other folders import only this. */
export type { AudioFormat } from '../../../shared/audio-formats'
export { detectAudioFormat } from './audio-container'
export { algorithmOf, hashFile } from './content-hash'
export { syncFolder } from './part-file'
export { RejectedFileError } from './transfer-errors'
export { SpeedLimiter } from './speed-limiter'
export { TransferEngine } from './transfer-engine'
export type { TransferResult } from './transfer-types'
