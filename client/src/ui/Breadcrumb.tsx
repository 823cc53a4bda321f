// The trail above a page's heading: links back up (the document list, the document) and the current
// page, marked `aria-current`. The separators are drawn by CSS and hidden from screen readers, which
// read the trail as a list of links inside one labelled navigation landmark.
import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface BreadcrumbStep {
  readonly to: string
  readonly label: string
  /** A document title: not to be machine-translated. */
  readonly untranslated?: boolean
}

/** The trail of a page about one document: the document list, then the document. */
export function documentSteps(documentsLabel: string, documentPath: string, title: string): BreadcrumbStep[] {
  return [
    { to: '/', label: documentsLabel },
    { to: documentPath, label: title, untranslated: true },
  ]
}

export function Breadcrumb({
  label,
  steps,
  current,
}: {
  /** The landmark's accessible name ("Kruimelpad"). */
  readonly label: string
  readonly steps: readonly BreadcrumbStep[]
  readonly current: ReactNode
}) {
  return (
    <nav aria-label={label} className="breadcrumb">
      {steps.map((step) => (
        <span key={step.to}>
          <Link to={step.to} translate={step.untranslated ? 'no' : undefined}>
            {step.label}
          </Link>
          <span aria-hidden="true" className="breadcrumb__separator" />
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  )
}
