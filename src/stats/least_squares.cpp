#include "stats/least_squares.hpp"

#include <algorithm>
#include <cmath>

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

std::vector<std::optional<Eigen::MatrixXd>> nested_residual_products(const Eigen::MatrixXd& design,
                                                                     const Eigen::MatrixXd& targets) {
    using Matrix = Eigen::MatrixXd;
    auto n = design.rows();
    auto columns = std::min(design.cols(), n);
    Eigen::HouseholderQR<Matrix> qr(design);
    Matrix z = qr.householderQ().adjoint() * targets;
    std::vector<std::optional<Matrix>> products(static_cast<std::size_t>(design.cols()));
    // E'E for the first k columns is the sum of z_i' z_i over the rows i >= k: summed from the bottom up.
    Matrix sum = z.bottomRows(n - columns).transpose() * z.bottomRows(n - columns);
    std::vector<Matrix> sums(static_cast<std::size_t>(columns));
    for (auto k = columns; k-- > 0;) {
        sums[static_cast<std::size_t>(k)] = sum;
        sum += z.row(k).transpose() * z.row(k);
    }
    double largest = 0;
    const auto& r = qr.matrixQR();
    for (Eigen::Index k = 0; k < columns; ++k) {
        double pivot = std::fabs(r(k, k));
        largest = std::max(largest, pivot);
        if (!(pivot > k_rank_threshold * largest)) {
            break; // this column and every model holding it are deficient
        }
        products[static_cast<std::size_t>(k)] = std::move(sums[static_cast<std::size_t>(k)]);
    }
    return products;
}

} // namespace campaign::stats
