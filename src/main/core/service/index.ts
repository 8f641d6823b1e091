/** The service folder's public face: other folders import only this. */
export { AppService } from './app-service'
export type { AppServiceOpenOptions } from './app-service'
export { buildCalls, buildHandlers } from './handlers'
export type { Call, Handlers } from './handlers'
export { catalogsyncHome, defaultDatabasePath } from './paths'
