#!/usr/bin/python3
"""Writes the expected values that tests/unit/stats checks the SSI-impact statistics against.

    /usr/bin/python3 scripts/make-stats-fixtures.py

It needs Debian's scipy, statsmodels and numpy (apt-get install python3-scipy python3-statsmodels python3-numpy),
which are installed for /usr/bin/python3: a python3 that comes first on PATH may be another build without them, hence
the full path. The series come from fixed seeds and the floats are written as repr writes them (the shortest string
that reads back to the same double), so two runs give byte-identical files, and a change in them means a change in
scipy or statsmodels. Undefined values (a correlation of a constant series, say) are written as null.

Conventions of these versions (scipy 1.10, statsmodels 0.13) that the C++ code matches: use_correction=True scales
the HAC covariance by n/(n-k) (cov_hac_simple), and the kernel runs over the rows of the design as consecutive, so
a dropped day is skipped over; grangercausalitytests(maxlag=L)[L] uses every row from t = L on (each lag's test
trims its own first rows, not maxlag's); t.ppf, which the regression intervals use, is good to only about 1e-10.

tests/unit/stats/fixtures/
  correlation.json  pearsonr (with confidence_interval(0.95)), spearmanr and rankdata on pairs of daily series of
                    4, 30, 90 and 365 days; multipletests(method='fdr_bh') over lists of p-values; weekday de-meaning.
  regression.json   OLS of y[t] on 1, x[t], ..., x[t-lags] with Newey-West (HAC) errors, use_correction=True and
                    use_t=True, and the cumulative effect through t_test; one series with missing days; feasible
                    GLS (GLSAR at the Yule-Walker rho of two Cochrane-Orcutt rounds), and least squares with its
                    classic covariance where AIC finds the residuals white.
  granger.json      grangercausalitytests' ssr F-test at several lags; one series with missing days, computed with
                    two explicit OLS fits on the rows that remain.
  timeseries.json   AutoReg fits and ar_select_order (AIC and BIC) on bursty counts, an AR(2), white noise and
                    weekday-adjusted counts; acf(adjusted=True); Pyper and Peterman's effective number of pairs from
                    that acf; VAR(...).select_order's lag order for Granger tests (the least criterion from order 1).
  experiment.json   the paired on/off outcomes of randomized experiments: permutation_test's exact sign-flip p,
                    ttest_1samp's interval of the mean difference; TTestPower's power of the paired t-test.
The distributed-lag cases take Andrews' (1991) bandwidth, computed here from the paper's formulas, and Newey and
West's rule of thumb; statsmodels then gives the covariance at that truncation lag.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
import scipy.special
import scipy.stats
import statsmodels
import statsmodels.api as sm
from statsmodels.regression.linear_model import GLSAR, yule_walker
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import TTestPower
from statsmodels.tsa.ar_model import AutoReg, ar_select_order
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import acf, grangercausalitytests

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "tests" / "unit" / "stats" / "fixtures"
LENGTHS = (4, 30, 90, 365)


def finite_or_none(value):
    value = scalar(value)
    return value if math.isfinite(value) else None


def scalar(value):
    """A float from a Python or numpy number, or from a one-element array (statsmodels' t_test gives those)."""
    return float(np.asarray(value, dtype=float).reshape(-1)[0])


def floats(values):
    return [finite_or_none(v) for v in values]


# The series. Pillar changes are rounded to two decimals, as LinkedIn shows them, which also makes ties.


def random_walk_with_noise(rng, n):
    """Two noisy random walks that share a common one: strong correlation without any lag structure."""
    common = np.cumsum(rng.normal(size=n))
    x = common + np.cumsum(rng.normal(scale=0.5, size=n)) + rng.normal(scale=0.3, size=n)
    y = 0.4 * common + rng.normal(scale=1.0, size=n)
    return np.round(x, 2), np.round(y, 2)


def zero_inflated_changes(rng, n):
    """A pillar unchanged on most days against an activity count that nudges it up: mostly ties at 0."""
    x = rng.poisson(2.0, size=n).astype(float)
    moved = rng.random(n) < 0.25
    y = np.where(moved, np.round(rng.normal(0.05 * x, 0.2), 2), 0.0)
    return x, y + 0.0  # + 0.0 turns a rounded -0.0 into 0.0


def weekday_pattern(rng, n):
    """Both series higher on working days and lower at weekends: correlated through the calendar alone."""
    weekday = (np.arange(n) + 3) % 7
    working = (weekday < 5).astype(float)
    x = rng.poisson(1.0 + 6.0 * working).astype(float)
    y = np.round(0.3 * working + rng.normal(scale=0.25, size=n), 2)
    return x, y + 0.0


def activity_counts(rng, n):
    """Two Poisson-like counts of activity with many zeros (posts against comments, say)."""
    busy = rng.random(n) < 0.4
    x = np.where(busy, rng.poisson(3.0, size=n), 0).astype(float)
    y = np.where(rng.random(n) < 0.5, rng.poisson(0.5 + 0.4 * x), 0).astype(float)
    return x, y


KINDS = {
    "random_walk": random_walk_with_noise,
    "zero_inflated": zero_inflated_changes,
    "weekday": weekday_pattern,
    "counts": activity_counts,
}


# Expected values.


def correlation_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    xs, ys = x[keep], y[keep]
    n = int(keep.sum())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constant input: scipy warns and returns nan
        pearson = scipy.stats.pearsonr(xs, ys)
        spearman = scipy.stats.spearmanr(xs, ys)
    case = {"name": name, "n": n, "x": floats(x), "y": floats(y)}
    case["pearson"] = correlation_result(pearson.statistic, pearson.pvalue, n, pearson_interval(pearson, n))
    case["spearman"] = correlation_result(spearman.statistic, spearman.pvalue, n,
                                          fisher_interval(spearman.statistic, n))
    case["ranks_x"] = floats(scipy.stats.rankdata(x, nan_policy="omit"))
    case["ranks_y"] = floats(scipy.stats.rankdata(y, nan_policy="omit"))
    return case


def pearson_interval(result, n):
    if n < 4 or math.isnan(result.statistic):
        return None
    interval = result.confidence_interval(0.95)
    return [float(interval.low), float(interval.high)]


def fisher_interval(r, n):
    """The plain Fisher-z interval (no Bonett-Wright correction) that the C++ code gives Spearman's rho too; it is
    scipy's formula for Pearson's r, written out because scipy has no interval for rho."""
    if n < 4 or math.isnan(r):
        return None
    z = np.inf if r == 1 else -np.inf if r == -1 else np.arctanh(r)
    half = scipy.special.ndtri(0.5 + 0.95 / 2) * np.sqrt(1 / (n - 3))
    return [float(np.tanh(z - half)), float(np.tanh(z + half))]


def correlation_result(r, p, n, interval):
    return {"r": finite_or_none(r), "p": finite_or_none(p), "interval": interval}


def correlation_cases():
    cases = []
    for seed, (kind, make) in enumerate(KINDS.items()):
        for n in LENGTHS:
            rng = np.random.default_rng(1000 * (seed + 1) + n)
            cases.append(correlation_case(f"{kind} n={n}", *make(rng, n)))
    rng = np.random.default_rng(7)
    x, y = zero_inflated_changes(rng, 30)
    cases.append(correlation_case("constant pillar n=30", x, np.zeros(30)))
    x = np.round(rng.normal(size=30), 2)
    cases.append(correlation_case("exact line n=30", x, 2 * x + 1))
    cases.append(correlation_case("reversed order n=30", x, -np.exp(x)))
    x, y = random_walk_with_noise(rng, 90)
    x[[3, 40, 41]] = np.nan
    y[[40, 77]] = np.nan
    cases.append(correlation_case("missing days n=90", x, y))
    return cases


def benjamini_hochberg_cases(correlations):
    lists = {
        "ties and ones": [0.01, 0.04, 0.04, 0.03, 1.0, 0.5, 0.04, 1.0, 0.001, 0.2],
        "one test": [0.03],
        "all significant": [0.001, 0.002, 0.0001, 0.003],
        "nothing significant": [0.9, 0.8, 0.95, 1.0, 0.7],
        "missing tests": [0.02, float("nan"), 0.01, 0.5, float("nan"), 0.04],
        "pearson p of the correlation cases": [c["pearson"]["p"] for c in correlations
                                               if c["pearson"]["p"] is not None],
    }
    cases = []
    for name, p in lists.items():
        p = np.asarray(p, dtype=float)
        finite = ~np.isnan(p)
        q = np.full_like(p, np.nan)
        q[finite] = multipletests(p[finite], method="fdr_bh")[1]
        cases.append({"name": name, "p": floats(p), "q": floats(q)})
    return cases


def group_mean_cases():
    rng = np.random.default_rng(11)
    cases = []
    for n in (30, 365):
        x, _ = weekday_pattern(rng, n)
        groups = (np.arange(n) + 3) % 7
        x[rng.choice(n, size=n // 10, replace=False)] = np.nan
        if n == 30:
            x[groups == 6] = np.nan  # a weekday with no value at all
        expected = np.full(n, np.nan)
        for g in range(7):
            members = (groups == g) & ~np.isnan(x)
            if members.any():
                expected[members] = x[members] - x[members].mean()
        cases.append({"name": f"weekday n={n}", "values": floats(x), "groups": [int(g) for g in groups],
                      "expected": floats(expected)})
    return cases


# Regression.


def lag_series(rng, n):
    """An activity count with a weekday pattern and a pillar change that follows it two and three days later,
    with autocorrelated noise."""
    weekday = (np.arange(n) + 3) % 7
    x = rng.poisson(np.where(weekday < 5, 4.0, 1.0)).astype(float)
    noise = np.zeros(n)
    for t in range(1, n):
        noise[t] = 0.4 * noise[t - 1] + rng.normal(scale=0.2)
    y = np.zeros(n)
    for t in range(n):
        y[t] = noise[t] + 0.01 * x[t] + sum(b * x[t - k] for k, b in ((2, 0.05), (3, 0.03)) if t >= k)
    return x, np.round(y, 2) + 0.0


def lag_design(y, x, lags):
    rows, target = [], []
    for t in range(lags, len(y)):
        row = [1.0] + [x[t - k] for k in range(lags + 1)]
        if np.isfinite(y[t]) and all(np.isfinite(row)):
            rows.append(row)
            target.append(y[t])
    return np.asarray(target), np.asarray(rows)


def coefficient(estimate, se, t, p, low, high):
    return {"estimate": scalar(estimate), "se": scalar(se), "t": scalar(t), "p": scalar(p),
            "interval": [scalar(low), scalar(high)]}


def andrews_lags(design, residuals):
    """Andrews' (1991) AR(1) plug-in bandwidth for the Bartlett kernel, over the score series of every column but the
    constant, with equal weights: S = 1.1447 (alpha n)^(1/3), and the truncation lag L = ceil(S) - 1 that
    statsmodels' weights 1 - j/(L+1) take (rho held within +-0.97, L under n/2). Written from the paper's formulas,
    apart from the C++ code."""
    scores = design[:, 1:] * residuals[:, None]
    n = scores.shape[0]
    numerator = denominator = 0.0
    for v in scores.T:
        now, before = v[1:], v[:-1]
        if not before.any():
            continue
        rho = float(np.clip(now @ before / (before @ before), -0.97, 0.97))
        s2 = float(np.mean((now - rho * before) ** 2))
        numerator += 4 * rho ** 2 * s2 ** 2 / ((1 - rho) ** 6 * (1 + rho) ** 2)
        denominator += s2 ** 2 / (1 - rho) ** 4
    if denominator == 0:
        return 0
    bandwidth = 1.1447 * (numerator / denominator * n) ** (1 / 3)
    return min(max(int(math.ceil(bandwidth)) - 1, 0), n // 2)


def regression_case(name, y, x, lags, bandwidth="andrews"):
    target, design = lag_design(y, x, lags)
    n, k = design.shape
    if bandwidth == "andrews":
        hac_lags = andrews_lags(design, sm.OLS(target, design).fit().resid)
    else:
        hac_lags = int(np.floor(4 * (n / 100.0) ** (2.0 / 9.0)))
    fit = sm.OLS(target, design).fit(cov_type="HAC", cov_kwds={"maxlags": hac_lags, "use_correction": True},
                                     use_t=True)
    assert fit.df_resid == n - k
    interval = fit.conf_int(0.05)
    coefficients = [coefficient(fit.params[i], fit.bse[i], fit.tvalues[i], fit.pvalues[i], *interval[i])
                    for i in range(k)]
    R = np.r_[0.0, np.ones(k - 1)][None, :]
    total = fit.t_test(R)
    total_interval = total.conf_int(0.05)[0]
    return {"name": name, "lags": lags, "bandwidth": bandwidth, "x": floats(x), "y": floats(y), "n": n,
            "hac_lags": hac_lags,
            "residual_df": int(fit.df_resid), "t_quantile": t_quantiles(fit.df_resid),
            "constant": coefficients[0], "lag_effects": coefficients[1:],
            "cumulative": coefficient(total.effect, total.sd, total.tvalue, total.pvalue,
                                      *total_interval)}


def t_quantiles(df):
    """The 0.975 quantile of t with df degrees of freedom, as statsmodels' intervals use it, and refined by Newton
    steps on t.sf. scipy 1.10's t.ppf (cdflib's cdft) is only good to about 1e-10 relative, which moves the interval
    ends by that much of their half-width; the refined value is good to the last bits."""
    given = scipy.stats.t.ppf(1 - 0.05 / 2, df)
    refined = given
    for _ in range(2):
        refined += (scipy.stats.t.sf(refined, df) - 0.05 / 2) / scipy.stats.t.pdf(refined, df)
    return {"statsmodels": float(given), "refined": float(refined)}


def gls_case(name, y, x, lags, expected_order):
    """Feasible GLS of the distributed-lag model: the order of an AR of the OLS residuals by ar_select_order (AIC, up
    to 7 and a tenth of the rows), Yule-Walker rho, two rounds of Cochrane-Orcutt, and GLSAR's fit at the last rho;
    at an order of 0, least squares with its classic covariance (GLSAR at order 0)."""
    target, design = lag_design(y, x, lags)
    n, k = design.shape
    ols = sm.OLS(target, design).fit()
    selected = ar_select_order(ols.resid, min(7, n // 10), ic="aic", trend="c", old_names=False)
    order = 0 if selected.ar_lags is None else int(max(selected.ar_lags))
    assert (order > 0) == (expected_order > 0), name
    fit, rho, resid = ols, [], ols.resid
    for _ in range(2 if order > 0 else 0):
        rho, _ = yule_walker(resid, order=order)
        fit = GLSAR(target, design, rho=rho).fit()
        resid = target - design @ fit.params
    interval = fit.conf_int(0.05)
    coefficients = [coefficient(fit.params[i], fit.bse[i], fit.tvalues[i], fit.pvalues[i], *interval[i])
                    for i in range(k)]
    R = np.r_[0.0, np.ones(k - 1)][None, :]
    total = fit.t_test(R)
    return {"name": name, "lags": lags, "errors": "autoregressive", "x": floats(x), "y": floats(y),
            "n": int(fit.nobs), "rho": [float(r) for r in rho], "residual_df": int(fit.df_resid),
            "t_quantile": t_quantiles(fit.df_resid), "constant": coefficients[0], "lag_effects": coefficients[1:],
            "cumulative": coefficient(total.effect, total.sd, total.tvalue, total.pvalue, *total.conf_int(0.05)[0])}


def regression_cases():
    cases = []
    for n in (90, 365):
        x, y = lag_series(np.random.default_rng(2000 + n), n)
        cases.append(regression_case(f"lags 7 n={n}", y, x, 7))
        cases.append(regression_case(f"lags 7 n={n}, rule of thumb", y, x, 7, "rule_of_thumb"))
    for phi in (0.5, 0.85, 0.95):
        x = bursty_counts(np.random.default_rng(int(2500 + 100 * phi)), 150, phi, 0.3)
        y = np.round(ar1(np.random.default_rng(int(2600 + 100 * phi)), 150, 0.6, 0.05) + 0.25 * np.r_[0, 0, x[:-2]],
                     2)
        cases.append(regression_case(f"bursty activity AR {phi} n=150", y, x, 7))
        cases.append(gls_case(f"bursty activity AR {phi} n=150, AR errors", y, x, 7, 1))
    x = bursty_counts(np.random.default_rng(2700), 150, 0.85, 0.3)
    y = np.round(ar1(np.random.default_rng(2701), 150, 0.0, 0.05) + 0.25 * np.r_[0, 0, x[:-2]], 2)
    cases.append(gls_case("bursty activity AR 0.85 n=150, white errors", y, x, 7, 0))
    x, y = lag_series(np.random.default_rng(2090), 90)
    cases.append(regression_case("lags 3 n=90", y, x, 3))
    rng = np.random.default_rng(2365)
    x, y = lag_series(rng, 365)
    x[[20, 21, 150, 300]] = np.nan
    y[[5, 100, 101, 102, 250]] = np.nan
    cases.append(regression_case("lags 7 n=365 with missing days", y, x, 7))
    return cases


# Granger.


def granger_by_statsmodels(y, x, lags):
    result = grangercausalitytests(np.column_stack([y, x]), maxlag=lags, verbose=False)
    f, p, df_den, df_num = result[lags][0]["ssr_ftest"]
    return {"f": float(f), "p": float(p), "df_den": int(df_den), "df_num": int(df_num)}


def granger_by_hand(y, x, lags):
    """The same test with its two designs written out, dropping every row that would use a missing day."""
    rows, target = [], []
    for t in range(lags, len(y)):
        row = [1.0] + [y[t - k] for k in range(1, lags + 1)] + [x[t - k] for k in range(1, lags + 1)]
        if np.isfinite(y[t]) and all(np.isfinite(row)):
            rows.append(row)
            target.append(y[t])
    design, target = np.asarray(rows), np.asarray(target)
    full = sm.OLS(target, design).fit()
    restricted = sm.OLS(target, design[:, : lags + 1]).fit()
    f = (restricted.ssr - full.ssr) / full.ssr / lags * full.df_resid
    return {"n": len(target), "f": float(f), "p": float(scipy.stats.f.sf(f, lags, full.df_resid)),
            "df_den": int(full.df_resid), "df_num": lags}


def granger_cases():
    cases = []
    for n in (90, 365):
        x, y = lag_series(np.random.default_rng(3000 + n), n)
        for lags in (1, 2, 3, 7):
            expected = granger_by_statsmodels(y, x, lags)
            by_hand = granger_by_hand(y, x, lags)
            assert math.isclose(by_hand["f"], expected["f"], rel_tol=1e-9), (n, lags)
            assert by_hand["df_den"] == expected["df_den"] == n - 3 * lags - 1
            cases.append({"name": f"x leads y n={n}", "y": floats(y), "x": floats(x), "lags": lags,
                          "n": by_hand["n"], **expected})
        # The other way round: y's past should tell little about x.
        expected = granger_by_statsmodels(x, y, 3)
        cases.append({"name": f"y leads x n={n}", "y": floats(x), "x": floats(y), "lags": 3, "n": n - 3,
                      **expected})
    x, y = lag_series(np.random.default_rng(3366), 365)
    x[[30, 31, 200]] = np.nan
    y[[10, 250, 251, 252]] = np.nan
    for lags in (2, 7):
        cases.append({"name": "x leads y n=365 with missing days", "y": floats(y), "x": floats(x), "lags": lags,
                      **granger_by_hand(y, x, lags)})
    return cases


# Time series.


def bursty_counts(rng, n, phi, mean):
    """Poisson counts whose log-rate follows a stationary AR(1) of sd 1: bursts of activity, then quiet days."""
    eta = np.zeros(n)
    eta[0] = rng.normal()
    for t in range(1, n):
        eta[t] = phi * eta[t - 1] + math.sqrt(1 - phi * phi) * rng.normal()
    return rng.poisson(mean * np.exp(eta - 0.5)).astype(float)


def ar1(rng, n, phi, sd):
    """A stationary AR(1) of standard deviation sd: a pillar's smooth daily changes."""
    u = np.zeros(n)
    u[0] = sd * rng.normal()
    for t in range(1, n):
        u[t] = phi * u[t - 1] + math.sqrt(1 - phi * phi) * sd * rng.normal()
    return u


def ar2(rng, n):
    u = np.zeros(n)
    for t in range(2, n):
        u[t] = 0.5 * u[t - 1] - 0.3 * u[t - 2] + rng.normal()
    return np.round(u, 2) + 0.0


def time_series():
    """The series the time-series fixtures are computed on: bursty counts at several autocorrelations, an AR(2),
    white noise, and counts with their weekday means taken out."""
    series = []
    for n in (30, 150, 365):
        for phi in (0.0, 0.5, 0.85, 0.95):
            series.append((f"bursty counts AR {phi} n={n}", bursty_counts(np.random.default_rng(int(4000 + n + 10 * phi)),
                                                                          n, phi, 2.0)))
        series.append((f"AR(2) n={n}", ar2(np.random.default_rng(4500 + n), n)))
    series.append(("white noise n=150", np.round(np.random.default_rng(4600).normal(size=150), 2)))
    x, _ = weekday_pattern(np.random.default_rng(4700), 150)
    groups = (np.arange(150) + 3) % 7
    adjusted = x.copy()
    for g in range(7):
        adjusted[groups == g] -= x[groups == g].mean()
    series.append(("weekday means out n=150", adjusted))
    return series


def autoregression_fit(x, order, residuals=True):
    fit = AutoReg(x, lags=order, trend="c", old_names=False).fit()
    result = {"order": order, "n": int(fit.nobs), "constant": float(fit.params[0]),
              "coefficients": [float(c) for c in fit.params[1:]], "variance": float(np.mean(fit.resid ** 2))}
    if residuals:
        result["residuals"] = [float(r) for r in fit.resid]
    return result


def timeseries_cases():
    autoregressions, selections, correlograms, effective, var_orders = [], [], [], [], []
    series = time_series()
    for name, x in series:
        n = len(x)
        for order in (1, 2, 7):
            if n > 3 * order:
                autoregressions.append({"name": f"{name}, order {order}", "x": floats(x),
                                        **autoregression_fit(x, order)})
        max_order = min(14, n // 10)
        for ic in ("aic", "bic"):
            selected = ar_select_order(x, max_order, ic=ic, trend="c", old_names=False)
            order = 0 if selected.ar_lags is None else int(max(selected.ar_lags))
            assert selected.ar_lags is None or list(selected.ar_lags) == list(range(1, order + 1))
            selections.append({"name": f"{name}, {ic}", "x": floats(x), "max_order": max_order, "criterion": ic,
                               **autoregression_fit(x, order, residuals=False)})
        lags = n // 5
        correlograms.append({"name": name, "x": floats(x), "max_lag": lags,
                             "expected": floats(acf(x, nlags=lags, adjusted=True, fft=False))})
    # Effective pairs (Pyper and Peterman 1998, equation 1) of pairs of the series above, from statsmodels' acf.
    by_length = {}
    for name, x in series:
        by_length.setdefault(len(x), []).append((name, x))
    for n, group in sorted(by_length.items()):
        for (name_x, x), (name_y, y) in zip(group, group[1:]):
            lags = n // 5
            rho_x = acf(x, nlags=lags, adjusted=True, fft=False)
            rho_y = acf(y, nlags=lags, adjusted=True, fft=False)
            total = float(np.sum(rho_x[1:] * rho_y[1:]))
            pairs = n if total <= 0 else min(max(1 / (1 / n + 2 / n * total), 3.0), float(n))
            effective.append({"name": f"{name_x} against {name_y}", "x": floats(x), "y": floats(y),
                              "expected": pairs})
    # VAR lag orders for Granger tests: a pillar that follows bursty activity two days later.
    for n in (100, 150, 365):
        for phi in (0.0, 0.85):
            rng = np.random.default_rng(int(4800 + n + 10 * phi))
            x = bursty_counts(rng, n, phi, 1.0)
            y = np.round(ar1(rng, n, 0.6, 0.05) + 0.05 * np.r_[0, 0, x[:-2]], 2) + 0.0
            max_lags = min(14, n // 10)
            selected = VAR(np.column_stack([y, x])).select_order(max_lags)
            for ic in ("aic", "bic"):
                values = selected.ics[ic]
                order = 1 + int(np.argmin(values[1:]))
                var_orders.append({"name": f"pillar after activity AR {phi} n={n}, {ic}", "y": floats(y),
                                   "x": floats(x), "max_lags": max_lags, "criterion": ic, "order": order})
    return {"autoregressions": autoregressions, "order_selections": selections,
            "autocorrelations": correlograms, "effective_pairs": effective, "var_orders": var_orders}


# Experiments.


def experiment_cases():
    """Paired on/off outcomes of randomized experiments: the sign-flip randomization test (exact), the t interval of
    the mean difference, and the paired t-test's power."""
    paired = []
    for n, shift in ((2, 0.02), (4, 0.0), (6, 0.03), (12, 0.01), (20, 0.02), (30, 0.01)):
        rng = np.random.default_rng(5000 + n)
        off = np.round(rng.normal(0.01, 0.03, size=n), 4)
        on = np.round(off + shift + rng.normal(0, 0.02, size=n), 4)
        d = on - off
        case = {"name": f"{n} pairs", "on": floats(on), "off": floats(off), "difference": float(d.mean())}
        ci = scipy.stats.ttest_1samp(d, 0).confidence_interval(0.95)
        case["interval"] = [float(ci.low), float(ci.high)]
        case["standard_error"] = float(scipy.stats.sem(d))
        if n <= 20:
            result = scipy.stats.permutation_test((d,), np.mean, permutation_type="samples", vectorized=True,
                                                  n_resamples=np.inf, alternative="two-sided")
            case["p"] = float(result.pvalue)
        paired.append(case)
    power = []
    analysis = TTestPower()
    for effect, sd, n, alpha in ((0.02, 0.03, 6, 0.05), (0.02, 0.03, 12, 0.05), (0.01, 0.05, 40, 0.05),
                                 (0.05, 0.02, 3, 0.1), (0.0, 0.03, 10, 0.05)):
        power.append({"effect": effect, "sd": sd, "pairs": n, "alpha": alpha,
                      "power": float(analysis.power(effect_size=effect / sd, nobs=n, alpha=alpha,
                                                    alternative="two-sided"))})
    return {"paired": paired, "power": power}


# Output: one key a line, short lists on one line, so that a change reads well in a diff.


def dump(value, indent=0):
    pad = " " * indent
    if isinstance(value, dict):
        items = [f'{pad} {json.dumps(key)}: {dump(item, indent + 1).lstrip()}' for key, item in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) and len(item) > 2 for item in value):
        return pad + "[\n" + ",\n".join(dump(item, indent + 1) for item in value) + "\n" + pad + "]"
    return pad + json.dumps(value, allow_nan=False, separators=(", ", ": "))


def write(name, content):
    content = {"generated_by": "scripts/make-stats-fixtures.py",
               "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
                            "numpy": np.__version__},
               **content}
    (FIXTURES / name).write_text(dump(content) + "\n")


def main():
    FIXTURES.mkdir(parents=True, exist_ok=True)
    correlations = correlation_cases()
    write("correlation.json", {"correlations": correlations,
                               "benjamini_hochberg": benjamini_hochberg_cases(correlations),
                               "group_means": group_mean_cases()})
    write("regression.json", {"distributed_lags": regression_cases()})
    write("granger.json", {"granger_tests": granger_cases()})
    write("timeseries.json", timeseries_cases())
    write("experiment.json", experiment_cases())


if __name__ == "__main__":
    main()
