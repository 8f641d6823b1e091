/** The util folder's public face: other folders import only this. */
export { isAbort, untilAborted } from './abort'
export { systemClock } from './clock'
export type { Clock } from './clock'
export { sleep } from './sleep'
