/**
 * The V8 settings `npm start` runs with (see docs/decisions/005-server-memory.md). package.json
 * repeats them in its start script — a unit test keeps the two in step — and the test and
 * benchmark servers use these, so what is measured is what ships.
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=8"] as const;
