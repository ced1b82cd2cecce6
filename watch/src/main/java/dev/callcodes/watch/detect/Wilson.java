package dev.callcodes.watch.detect;

/**
 * Wilson score bounds of a binomial proportion. Unlike the plain {@code p ± z·sqrt(p(1-p)/n)}, they stay inside
 * [0, 1] and stay honest for small counts and for proportions near 0, which is where failure rates of one code pair
 * live.
 */
final class Wilson {

    private Wilson() {
    }

    static double lower(long successes, long trials, double z) {
        return bound(successes, trials, z, -1);
    }

    static double upper(long successes, long trials, double z) {
        return bound(successes, trials, z, +1);
    }

    private static double bound(long k, long n, double z, int sign) {
        if (n <= 0) {
            return sign < 0 ? 0.0 : 1.0;
        }
        if ((sign < 0 && k == 0) || (sign > 0 && k >= n)) {
            return sign < 0 ? 0.0 : 1.0;
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double bound = (centre + sign * spread) / (1 + z2 / n);
        return Math.max(0.0, Math.min(1.0, bound));
    }
}
