/**
 * The bound of shuffle seeds, alone in its module: the progress store checks stored mocks against
 * it on every page, and importing it from the drill code would load all of that code too.
 */

/** The largest seed: seeds are unsigned 32-bit integers (`seededShuffle` in src/lib/drill.ts). */
export const MAX_SEED = 0xffffffff;
