package io.numscan.geom;

/**
 * Union-find over the indices 0..n-1, for joining pieces into groups (pieces of one glyph, runs
 * of one stroke). The representative of a group is its smallest index.
 */
public final class DisjointSets {
    private final int[] parent;

    public DisjointSets(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    public int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    public void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
