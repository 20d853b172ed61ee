#!/usr/bin/env python3
"""Independent reference for Baron-Biroli's correlation length (CorrelationLengthTest).

Writes xi_reference.csv next to this script. Run with Debian's python3 (numpy, scipy):
    /usr/bin/python3 make_xi_reference.py

1. Kernel moments (eq A5) of the lattice Eshelby kernel, built here from its Fourier form with
   numpy's FFT for each of 64 orientations (not the Java K0/Kc/Ks tables, not the Java FFT):
   G_theta(q) = -1/2 + 1/2 cos4t C(q) + 1/2 sin4t S(q), C = 1 - 8ab/(a+b)^2,
   S = 4 sin qx sin qy (a-b)/(a+b)^2, zero mode 0, times pi/2, self term forced to -1 with the
   difference spread over the other N-1 sites; the fixed kernel is -4ab/(a+b)^2 scaled to G(0)=-1.
2. xi^2/(m/alpha) = (1-mu)/mu with mu = dln(mass)/dln(Gamma) at the normalising Gamma, where the
   mass is that of the solution of alpha P'' - (nu/Gamma) P + y = 0 on [0,1] (P'(0)=0, exact Robin
   condition P'(1) = -P(1)/sqrt(alpha Gamma), plus the exact tail mass) solved by scipy's
   collocation solver solve_bvp (not a finite-volume grid), root by brentq, slope by central
   differences (h = 1e-3, Richardson). Also the mean squared stress drop <dsigma^2>. For the eq-10
   rate (whose kink at sigma_B defeats solve_bvp's mesh refinement) the mass comes from the
   Riccati (invariant-imbedding) form integrated with solve_ivp (DOP853, rtol 1e-13), split at
   sigma_B.
"""
import csv
import os
import sys

import numpy as np
import scipy
from scipy.integrate import quad, solve_bvp, solve_ivp
from scipy.optimize import brentq

A = 1.5
ALPHA = 0.11
NRM = 2 * (1 - np.exp(-1))


def nu_exact(s, t):
    x = 1 - np.abs(s)
    return np.where(x <= 0, 1.0, np.exp(-np.clip(x, 0, None) ** A / t))


def nu_eq10(s, t):
    d = A / (2 * t) * (np.log(2) * t) ** ((A - 1) / A)
    sh = 1 - (np.log(2) * t) ** (1 / A)
    sb = sh - 1 / (2 * d)
    x = np.abs(s)
    return np.where(x >= 1, 1.0, np.where(x > sb, 0.5 + d * (x - sh), 0.0))


def bvp(gamma, t, nu, tol=1e-9):
    d = np.sqrt(ALPHA * gamma)

    def f(s, u):
        return np.vstack([u[1], (nu(s, t) / gamma * u[0] - np.exp(s - 1) / NRM) / ALPHA])

    def jac(s, u):
        j = np.zeros((2, 2, s.size))
        j[0, 1] = 1.0
        j[1, 0] = nu(s, t) / (gamma * ALPHA)
        return j

    def bc(u0, u1):
        return np.array([u0[1], u1[1] + u1[0] / d])

    s = np.linspace(0, 1, 2001)
    sol = solve_bvp(f, bc, s, np.zeros((2, s.size)) + 1.0, fun_jac=jac, tol=tol,
                    max_nodes=500_000)
    if sol.status != 0:
        raise RuntimeError(f"solve_bvp failed at T={t}, Gamma={gamma}: {sol.message}")
    return sol, d


def log_mass(lng, t, nu, tol=1e-9):
    sol, d = bvp(np.exp(lng), t, nu, tol)
    xs = sol.x
    inner = quad(lambda s: sol.sol(s)[0], 0, 1, points=list(xs[:: max(1, xs.size // 40)]), limit=2000,
                 epsabs=0, epsrel=1e-13)[0]
    return np.log(2 * (inner + sol.sol(1.0)[0] * d))


def slope(f, x, h=1e-3):
    """f'(x) by central differences at steps h and 2h, Richardson-combined."""
    d1 = (f(x + h) - f(x - h)) / (2 * h)
    d2 = (f(x + 2 * h) - f(x - 2 * h)) / (4 * h)
    return (4 * d1 - d2) / 3


def sigma_b(t):
    d = A / (2 * t) * (np.log(2) * t) ** ((A - 1) / A)
    return 1 - (np.log(2) * t) ** (1 / A) - 1 / (2 * d)


def shoot(gamma, t, nu):
    """Invariant imbedding (Riccati) for the eq-10 rate, whose kink at sigma_B defeats
    solve_bvp's mesh refinement: P' = R P + Q with R' = nu/(alpha Gamma) - R^2,
    Q' = -y/alpha - R Q integrated from sigma = 1 (R = -1/sqrt(D), Q = 0) down to 0, then P from
    P(0) = -Q(0)/R(0) upwards (both directions stable), DOP853, split at sigma_B. Returns the
    unnormalised mass, the density function, P(1) and sqrt(D)."""
    d = np.sqrt(ALPHA * gamma)
    sb = sigma_b(t)
    knots = [1.0, sb, 0.0] if 0 < sb < 1 else [1.0, 0.0]

    def back(s, u):
        r = nu(s, t) / (gamma * ALPHA)
        return [r - u[0] ** 2, -np.exp(s - 1) / NRM / ALPHA - u[0] * u[1]]

    u = [-1.0 / d, 0.0]
    rq = []
    for a, b in zip(knots[:-1], knots[1:]):
        r = solve_ivp(back, (a, b), u, method="DOP853", rtol=1e-13, atol=1e-14, dense_output=True)
        if r.status != 0:
            raise RuntimeError(f"solve_ivp failed at T={t}, Gamma={gamma}: {r.message}")
        rq.append(r)
        u = r.y[:, -1]

    def rq_at(s):
        for r in rq:
            lo, hi = sorted(r.t[[0, -1]])
            if lo <= s <= hi:
                return r.sol(s)
        raise ValueError(s)

    def fwd(s, v):
        rr, qq = rq_at(min(max(s, 0.0), 1.0))
        p = rr * v[0] + qq
        return [p, v[0]]

    v = [-u[1] / u[0], 0.0]
    pieces = []
    for a, b in zip(knots[::-1][:-1], knots[::-1][1:]):
        r = solve_ivp(fwd, (a, b), v, method="DOP853", rtol=1e-13, atol=1e-14, dense_output=True)
        if r.status != 0:
            raise RuntimeError(f"solve_ivp failed at T={t}, Gamma={gamma}: {r.message}")
        pieces.append(r)
        v = r.y[:, -1]
    p1 = v[0]
    mass = 2 * (v[1] + p1 * d)

    def dens(s):
        s = float(s)
        for r in pieces:
            lo, hi = sorted(r.t[[0, -1]])
            if lo <= s <= hi:
                return r.sol(s)[0]
        raise ValueError(s)

    return mass, dens, p1, d


def xi_point(t, nu):
    if nu is nu_eq10:
        return xi_point_shooting(t, nu)
    f = lambda l: log_mass(l, t, nu)
    hi = np.log(1.05)  # Gamma <= max nu = 1
    lo = hi - 1
    while log_mass(lo, t, nu, 1e-5) > 0:  # bracketing needs the sign only
        hi = lo
        lo -= 1
    lng = brentq(f, lo, hi, xtol=1e-13)
    mu = slope(f, lng)
    gamma = np.exp(lng)
    sol, d = bvp(gamma, t, nu)
    p1 = sol.sol(1.0)[0]
    fail = quad(lambda s: nu(s, t) * sol.sol(s)[0] * s * s, 0, 1, limit=2000, epsrel=1e-12)[0]
    fail += p1 * d * (1 + 2 * d + 2 * d * d)
    redraw = (1 - 2 / np.e) / (1 - 1 / np.e)
    drop = 2 * fail / gamma + redraw
    return gamma, mu, (1 - mu) / mu, drop


def xi_point_shooting(t, nu):
    f = lambda l: np.log(shoot(np.exp(l), t, nu)[0])
    hi = np.log(1.05)
    lo = hi - 1
    while f(lo) > 0:
        hi = lo
        lo -= 1
    lng = brentq(f, lo, hi, xtol=1e-14)
    mu = slope(f, lng)
    gamma = np.exp(lng)
    _, dens, p1, d = shoot(gamma, t, nu)
    sb = sigma_b(t)
    fail = quad(lambda s: nu(s, t) * dens(s) * s * s, max(sb, 0), 1, limit=2000,
                epsrel=1e-12)[0]
    fail += p1 * d * (1 + 2 * d + 2 * d * d)
    redraw = (1 - 2 / np.e) / (1 - 1 / np.e)
    return gamma, mu, (1 - mu) / mu, 2 * fail / gamma + redraw


def kernel(size, theta, fixed):
    q = 2 * np.pi * np.fft.fftfreq(size)
    qx, qy = np.meshgrid(q, q, indexing="xy")  # [y, x]
    a = 2 - 2 * np.cos(qx)
    b = 2 - 2 * np.cos(qy)
    d = a + b
    d[0, 0] = 1
    if fixed:
        gh = -4 * a * b / d ** 2
        gh[0, 0] = 0
        g = np.fft.ifft2(gh).real
        g *= -1 / g[0, 0]
        g[0, 0] = -1
        return g
    c = 1 - 8 * a * b / d ** 2
    s = 4 * np.sin(qx) * np.sin(qy) * (a - b) / d ** 2
    gh = -0.5 + 0.5 * np.cos(4 * theta) * c + 0.5 * np.sin(4 * theta) * s
    gh[0, 0] = 0
    g = np.pi / 2 * np.fft.ifft2(gh).real
    n = size * size
    g += (g[0, 0] + 1) / (n - 1)
    g[0, 0] = -1
    return g


def moments(size, fixed):
    thetas = [0.0] if fixed else (np.pi / 2) * np.arange(64) / 64
    g2 = sum(kernel(size, t, fixed) ** 2 for t in thetas) / len(thetas)
    idx = np.arange(size)
    r = np.where(idx <= size // 2, idx, idx - size)
    rx, ry = np.meshgrid(r, r, indexing="xy")
    g2[0, 0] = 0
    nn = g2[0, 1] + g2[0, -1] + g2[1, 0] + g2[-1, 0]
    return g2.sum(), nn, (g2 * (rx ** 2 + ry ** 2)).sum()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for size in (32, 64):
        for fixed in (False, True):
            s, nn, m2 = moments(size, fixed)
            rows.append(["kernel", "fixed" if fixed else "random", size, s, nn, m2])
    for law, nu, temps in (("exact", nu_exact, (3, 1, 0.5, 0.3, 0.2, 0.1, 0.07, 0.05, 0.03)),
                           ("eq10", nu_eq10, (0.3, 0.1, 0.08))):
        for t in temps:
            g, mu, x2, drop = xi_point(t, nu)
            rows.append([law, t, g, mu, x2, drop])
            print(law, t, g, mu, x2, drop, file=sys.stderr)
    with open(os.path.join(here, "xi_reference.csv"), "w", newline="") as fh:
        fh.write(f"# make_xi_reference.py; numpy {np.__version__}, scipy {scipy.__version__};"
                 f" alpha = {ALPHA}, a = {A}\n")
        fh.write("# kernel rows: kind,orientation,L,sum_sq,nn_sum_sq,second_moment\n")
        fh.write("# xi rows: law,T,gamma,mass_slope,xi2_over_m_over_alpha,mean_square_drop\n")
        w = csv.writer(fh)
        for r in rows:
            w.writerow([f"{v:.15g}" if isinstance(v, float) else v for v in r])


if __name__ == "__main__":
    main()
