export * from './canonicalSection.ts'
export * from './refusedText.ts'
export * from './sectionHash.ts'
export * from './signoffRule.ts'
