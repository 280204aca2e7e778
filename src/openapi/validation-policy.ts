/**
 * @module How far execute_endpoint trusts the document's constraints. `strict`: every constraint as written.
 * `lenient`: constraints the document contradicts (values that are no plausible literal, a request enum its
 * own responses disagree with) are named and not enforced, and a value matching several `oneOf` branches
 * passes. `off`: arguments go as given; only what has nowhere to go is refused.
 */
export const validationPolicies = ['strict', 'lenient', 'off'] as const;
export type ValidationPolicy = (typeof validationPolicies)[number];
