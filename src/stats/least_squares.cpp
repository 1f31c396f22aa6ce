#include "stats/least_squares.hpp"

namespace campaign::stats {

namespace {

constexpr double k_rank_threshold = 1e-10;

} // namespace

std::optional<LeastSquares> least_squares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target) {
    using Matrix = Eigen::MatrixXd;
    Eigen::ColPivHouseholderQR<Matrix> qr(design);
    qr.setThreshold(k_rank_threshold);
    auto k = design.cols();
    if (qr.rank() < k) {
        return std::nullopt;
    }
    LeastSquares fit;
    fit.coefficients = qr.solve(target);
    fit.residuals = target - design * fit.coefficients;
    // X P = Q R, so (X'X)^-1 = P R^-1 R^-T P'.
    Matrix r_inverse = qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>().solve(Matrix::Identity(k, k));
    fit.inverse_gram = qr.colsPermutation() * (r_inverse * r_inverse.transpose()) * qr.colsPermutation().transpose();
    return fit;
}

} // namespace campaign::stats
