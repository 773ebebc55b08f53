// Pointwise activations; see activation.h for the conventions (ReLU'(0) = 0, NaN propagates).
#include "learners/activation.h"

#include "harness/contract.h"
#include "learners/fast_tanh.h"

namespace thmcheck {

const char* ActivationName(Activation act) {
  switch (act) {
    case Activation::kRelu:
      return "relu";
    case Activation::kTanh:
      return "tanh";
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

double Sigma(Activation act, double z) {
  switch (act) {
    case Activation::kRelu:
      return z < 0.0 ? 0.0 : z;  // NaN < 0 is false: NaN passes through
    case Activation::kTanh:
      return Tanh(z);
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

double SigmaPrime(Activation act, double z) {
  switch (act) {
    case Activation::kRelu:
      if (z > 0.0) return 1.0;
      return z <= 0.0 ? 0.0 : z;  // ReLU'(0) = 0; NaN stays NaN
    case Activation::kTanh: {
      const double t = Tanh(z);
      return 1.0 - t * t;
    }
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

namespace {
void CheckSameShape(const Eigen::Ref<const Eigen::MatrixXd>& z,
                    const Eigen::Ref<Eigen::MatrixXd>& out) {
  THM_CHECK_EQ(z.rows(), out.rows());
  THM_CHECK_EQ(z.cols(), out.cols());
}
}  // namespace

void ApplySigma(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                Eigen::Ref<Eigen::MatrixXd> out) {
  CheckSameShape(z, out);
  switch (act) {
    case Activation::kRelu:
      // NOTE: not z.max(0.0): Eigen's packet max may turn NaN into 0 and hide a divergence.
      out.array() = (z.array() < 0.0).select(0.0, z.array());
      return;
    case Activation::kTanh:
      Tanh(z, out);
      return;
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

void ApplySigmaPrime(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                     Eigen::Ref<Eigen::MatrixXd> out) {
  CheckSameShape(z, out);
  switch (act) {
    case Activation::kRelu:
      // 1 for z > 0, 0 for z <= 0 (so ReLU'(0) = 0), NaN for NaN.
      out.array() = (z.array() > 0.0).select(1.0, (z.array() <= 0.0).select(0.0, z.array()));
      return;
    case Activation::kTanh:
      Tanh(z, out);
      out.array() = 1.0 - out.array().square();
      return;
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

void ApplySigmaAndPrime(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                        Eigen::Ref<Eigen::MatrixXd> s, Eigen::Ref<Eigen::MatrixXd> ds) {
  CheckSameShape(z, s);
  CheckSameShape(z, ds);
  switch (act) {
    case Activation::kRelu:
      ApplySigmaPrime(act, z, ds);  // first: s may overwrite z
      ApplySigma(act, z, s);
      return;
    case Activation::kTanh:
      TanhAndDerivative(z, s, ds);  // ds = 1 − s², as in ApplySigmaPrime
      return;
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

}  // namespace thmcheck
