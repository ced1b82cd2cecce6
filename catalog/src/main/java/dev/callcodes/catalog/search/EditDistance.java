package dev.callcodes.catalog.search;

/**
 * Damerau-Levenshtein distance (optimal string alignment), bounded so that far-apart words cost little. Shared by
 * search (typos in queries) and the paste parser (typos in column headers).
 */
public final class EditDistance {

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][64]);

    private EditDistance() {
    }

    private static int[][] rows(int length) {
        int[][] rows = ROWS.get();
        if (rows[0].length < length) {
            rows = new int[3][Math.max(length, rows[0].length * 2)];
            ROWS.set(rows);
        }
        return rows;
    }

    /** The distance if it is at most {@code max}; otherwise {@code max + 1}. */
    public static int atMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        // A search compares each query word with every index term: three new rows per comparison were most of what
        // a query allocated. Every cell read is written first in this call, so reused rows need no clearing.
        int[][] rows = rows(b.length() + 1);
        int[] previous2 = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length()], max + 1);
    }
}
