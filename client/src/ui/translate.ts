// The `t` that plain (non-component) helpers take as a parameter, so they hold no texts of their own
// and can be tested with the real catalogue. Bound to the helper's namespace.
import type { TFunction } from 'i18next'

export type Translate<Ns extends string = string> = TFunction<Ns>
