/**
 * Progress reporting without I/O: long-running domain functions accept an optional callback;
 * the CLI decides whether to draw it (stderr is a terminal and no --json).
 */
export type ProgressCallback = (done: number, total: number, label?: string) => void;
