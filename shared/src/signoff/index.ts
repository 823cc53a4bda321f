export * from './canonicalSection.ts'
export * from './sectionHash.ts'
export * from './signoffRule.ts'
