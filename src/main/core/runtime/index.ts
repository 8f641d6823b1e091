/** The runtime folder's public face: other folders import only this. */
export { applyRuntimeV8Flags } from './v8-flags'
