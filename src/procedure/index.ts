/** The procedure format: types, vocabulary, the loader and its problem codes. */
export * from './types.js';
export * from './vocabulary.js';
export { loadProcedure, LOAD_LIMITS, type LoadOptions, type LoadResult } from './load.js';
export { fetchFailure, type FetchedResponse, type FetchingPage } from './fetch-failure.js';
export { AUTHOR_PROBLEM_CODE, type AuthorProblemCode } from './problems.js';
export { applied, appliedPart, resolveFieldPath, resolveLocalRef } from './schema-paths.js';
export { DEFAULT_LINK_HOSTS, hostAllowed, isAllowedLink, linkHost } from './links.js';
