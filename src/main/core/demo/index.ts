/** The demo folder's public face: other folders import only this. */
export { demoPlaylistXspf } from './demo-catalogue'
export { DEMO_PASSWORD, DEMO_USER, startDemoServer } from './demo-server'
