/** The ops folder's public face: other folders import only this. */
export { DashboardRepository, transferStats } from './dashboard-repository'
export type { DashboardQuery } from './dashboard-repository'
export { displayText } from './download-rows'
export { NotFoundError, OpsRepository } from './ops-repository'
export { OpsStats } from './ops-stats'
export { ProblemRepository } from './problem-repository'
export { toJobSummary } from './rows'
export type { DownloadRow, Job, StageItem } from './types'
