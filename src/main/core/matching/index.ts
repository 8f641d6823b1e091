/** The matching folder's public face: other folders import only this. */
export type { Candidate, ScoredCandidate, SongQuery } from './candidate'
export { chooseMatch, toScoredCandidates } from './choose'
export type { MatchChoice, MatchOptions, Scored } from './choose'
export { scoreCandidate } from './score'
export { similarity } from './similarity'
export { coreTitleText, titleParts } from './title-parts'
export { videoCandidate } from './video-result'
