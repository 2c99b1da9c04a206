// Package span finds, for offsets into a text asked in increasing order,
// the innermost of a list of nested spans that holds each one: a code
// block inside conditional content, a literal inside a paragraph. It
// answers in time that grows with the number of spans plus the number
// of questions, not their product, so that a pass over a long page
// that asks at every placeholder stays linear.
//
// It knows nothing of what the spans are: the tutorial's regions for
// the placeholder checks (placeholder/check) and the markup of a page
// that the personalized source rewrites (generator) both use it.
package span
