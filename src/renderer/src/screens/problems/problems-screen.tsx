import type { ProblemKind } from '../../../../shared/contract'

export function ProblemsScreen({ kind }: { kind: ProblemKind }) {
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">{kind === 'review' ? 'Needs review' : 'Failed'}</h1>
    </section>
  )
}
