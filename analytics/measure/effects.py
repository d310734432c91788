"""Before/after estimates with their uncertainty, shared by response effects and hoax tracking.

Two methods, both over *hourly* figures because mentions inside one hour are not independent
(one viral post drags its replies along), so the hour, not the mention, is the unit:

* ``bootstrap``: the change in the pooled share (after - before). The 95% interval comes
  from resampling hours with replacement on each side (a cluster bootstrap); the p-value
  from a permutation test that shuffles the before/after labels of the hours. It assumes the
  hours are exchangeable, which autocorrelation in a crisis weakens: read the interval as
  optimistic when hours are strongly correlated.
* ``segmented``: interrupted time series, ``y = b0 + b1 t + b2 post + b3 (t - t0) post``
  fitted by least squares with Newey-West (HAC) standard errors, which allow for the
  autocorrelation; ``b2`` is the level change at the response and ``b3`` the change of
  slope. With a day of hourly points on each side the trend terms are noisy, and a trend
  fitted on an escalation extrapolates badly: prefer ``bootstrap`` for short windows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class Estimate:
    """A change with its 95% interval and p-value; ``None`` figures mean "not estimable"."""

    change: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    method: str


def not_estimable(reason: str) -> Estimate:
    """An estimate that could not be made, with the reason in ``method``."""
    return Estimate(None, None, None, None, f"not estimated: {reason}")


def bootstrap_share_change(
    before_hits: np.ndarray,
    before_total: np.ndarray,
    after_hits: np.ndarray,
    after_total: np.ndarray,
    *,
    draws: int = 2000,
    seed: int = 0,
    min_hours: int = 3,
) -> Estimate:
    """Change in pooled share (hits / total) from the before hours to the after hours.

    Each array holds one value per hour that had at least one mention.
    """
    before_hits, before_total = np.asarray(before_hits, float), np.asarray(before_total, float)
    after_hits, after_total = np.asarray(after_hits, float), np.asarray(after_total, float)
    if len(before_total) < min_hours or len(after_total) < min_hours:
        return not_estimable(
            f"needs at least {min_hours} hours with scored mentions on each side "
            f"(before: {len(before_total)}, after: {len(after_total)})"
        )
    observed = after_hits.sum() / after_total.sum() - before_hits.sum() / before_total.sum()
    rng = np.random.default_rng(seed)
    i_before = rng.integers(0, len(before_total), (draws, len(before_total)))
    i_after = rng.integers(0, len(after_total), (draws, len(after_total)))
    boot = after_hits[i_after].sum(1) / after_total[i_after].sum(1) - before_hits[i_before].sum(
        1
    ) / before_total[i_before].sum(1)
    low, high = np.quantile(boot, [0.025, 0.975])

    hits = np.concatenate([before_hits, after_hits])
    total = np.concatenate([before_total, after_total])
    k = len(before_total)
    order = np.argsort(rng.random((draws, len(total))), axis=1)
    b_idx, a_idx = order[:, :k], order[:, k:]
    permuted = hits[a_idx].sum(1) / total[a_idx].sum(1) - hits[b_idx].sum(1) / total[b_idx].sum(1)
    # the +1s count the observed labelling itself, so p is never exactly 0
    p_value = (1 + np.sum(np.abs(permuted) >= abs(observed) - 1e-12)) / (draws + 1)
    return Estimate(
        float(observed),
        float(low),
        float(high),
        float(p_value),
        f"bootstrap: pooled share after - before; 95% interval from {draws} resamples of "
        f"hours, p from {draws} permutations of hour labels "
        f"({len(before_total)} h before, {len(after_total)} h after)",
    )


def _newey_west_lags(n: int) -> int:
    # the usual automatic choice floor(4 (n/100)^(2/9)) (Newey & West 1994)
    return int(np.floor(4 * (n / 100) ** (2 / 9)))


def segmented_fit(
    t_hours: np.ndarray, y: np.ndarray, *, min_points: int = 3
) -> tuple[np.ndarray, np.ndarray, int] | str:
    """Fit the interrupted time series around t = 0; returns (coef, HAC covariance, dof).

    ``t_hours`` is time relative to the response (negative before). Returns a reason string
    when the fit is impossible.
    """
    t = np.asarray(t_hours, float)
    y = np.asarray(y, float)
    post = (t >= 0).astype(float)
    if (post == 0).sum() < min_points or (post == 1).sum() < min_points:
        return (
            f"needs at least {min_points} hourly points on each side "
            f"(before: {int((post == 0).sum())}, after: {int((post == 1).sum())})"
        )
    x = np.column_stack([np.ones_like(t), t, post, t * post])
    xtx = x.T @ x
    if np.linalg.matrix_rank(xtx) < 4:
        return "the hourly points do not vary enough to fit level and trend"
    xtx_inv = np.linalg.inv(xtx)
    coef = xtx_inv @ x.T @ y
    resid = y - x @ coef
    xu = x * resid[:, None]
    meat = xu.T @ xu
    lags = _newey_west_lags(len(y))
    for lag in range(1, lags + 1):
        weight = 1 - lag / (lags + 1)
        cross = xu[lag:].T @ xu[:-lag]
        meat += weight * (cross + cross.T)
    cov = xtx_inv @ meat @ xtx_inv
    return coef, cov, len(y) - 4


def segmented_change(t_hours: np.ndarray, y: np.ndarray, *, term: str = "level") -> Estimate:
    """Level change (``term="level"``) or slope change (``"slope"``) at t = 0, with HAC 95% CI."""
    fit = segmented_fit(t_hours, y)
    if isinstance(fit, str):
        return not_estimable(fit)
    coef, cov, dof = fit
    i = 2 if term == "level" else 3
    se = float(np.sqrt(max(cov[i, i], 0.0)))
    change = float(coef[i])
    quantile = stats.t.ppf(0.975, dof)
    if se == 0.0:
        p_value = 0.0 if change != 0 else 1.0
    else:
        p_value = float(2 * stats.t.sf(abs(change / se), dof))
    return Estimate(
        change,
        change - quantile * se,
        change + quantile * se,
        p_value,
        f"segmented regression: {term} change at the response, Newey-West standard errors "
        f"({len(np.asarray(y))} hourly points)",
    )
