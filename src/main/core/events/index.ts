/** The events folder's public face: other folders import only this. */
export { EventBus } from './event-bus'
