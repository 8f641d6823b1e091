import type { Linter } from 'eslint'

/** [folder, its one job], lowest layer first. */
export const CORE_LAYERS: readonly (readonly [string, string])[]

export function layerZones(
  coreDir: string,
  layers?: readonly (readonly [string, string])[],
): { target: string; from: string[]; message: string }[]

export function faceZones(
  coreDir: string,
  frontEnds?: readonly string[],
  layers?: readonly (readonly [string, string])[],
): { target: string[]; from: string; except: string[]; message: string }[]

export function coreLayersConfig(
  root: string,
  coreDir: string,
  frontEnds?: readonly string[],
  layers?: readonly (readonly [string, string])[],
): Linter.Config
