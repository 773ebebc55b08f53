// The claim registry: one line per claim, THMCHECK_CLAIM(Factory), whose `ClaimSpec Factory()` is
// defined in its claims/<id>.cc. In the order `thmcheck list` and `run --all` show them; claim
// ids are stable forever. Adding a claim touches its file, its test (claims/<id>_test.cc, found by
// CMake), its docs/claims/<id>.md, this line and its README row: nothing in harness/ or reports/.
// An X-macro list: claims.h declares each factory from it, all_claims.cc lists each.
THMCHECK_CLAIM(NtkClosenessClaim)
THMCHECK_CLAIM(AlphaSeparationClaim)
THMCHECK_CLAIM(ParityLowerBoundClaim)
THMCHECK_CLAIM(AnnealingConvexClaim)
THMCHECK_CLAIM(SgdLargeStepSparsityClaim)
THMCHECK_CLAIM(DeepNtkLimitClaim)
THMCHECK_CLAIM(GdLinearConvergenceClaim)
THMCHECK_CLAIM(LazyTrainingScaleClaim)
THMCHECK_CLAIM(SaddleEscapeClaim)
THMCHECK_CLAIM(RandomFeaturesRateClaim)
